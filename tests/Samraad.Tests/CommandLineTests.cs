using Samraad.Hosting;

namespace Samraad.Tests;

public class CommandLineTests
{
    [Fact]
    public void Options_map_onto_configuration_and_the_default_verb_is_serve()
    {
        var c = CommandLine.Parse(["export", "akutfunktioner-2024", "--format", "csv", "--data-dir", "/tmp/x", "--db-provider=postgres"]);
        Assert.Equal("export", c.Verb);
        Assert.Equal(["akutfunktioner-2024"], c.Arguments);
        Assert.Equal("csv", c.Option("--format"));
        Assert.Contains("--Samraad:DataDir=/tmp/x", c.HostArgs);
        Assert.Contains("--Samraad:DbProvider=postgres", c.HostArgs);
        Assert.Equal("serve", CommandLine.Parse(["--urls", "http://127.0.0.1:1"]).Verb);
    }
}
