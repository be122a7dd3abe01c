namespace Samraad.Hosting;

/// <summary>Splits "samraad [verb] [arguments] [--options]" and maps Samraad's options onto configuration keys.</summary>
public sealed record CommandLine(string Verb, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Options, string[] HostArgs)
{
    static readonly Dictionary<string, string> ConfigKeys = new()
    {
        ["--data-dir"] = "Samraad:DataDir",
        ["--db-provider"] = "Samraad:DbProvider",
        ["--db"] = "Samraad:Db",
        ["--packs"] = "Samraad:PacksDir",
    };

    static readonly Dictionary<string, string> EnvironmentKeys = new()
    {
        ["SAMRAAD_DATA_DIR"] = "Samraad:DataDir",
        ["SAMRAAD_DB_PROVIDER"] = "Samraad:DbProvider",
        ["SAMRAAD_DB"] = "Samraad:Db",
    };

    public static CommandLine Parse(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?")) return new CommandLine("help", [], new Dictionary<string, string>(), []);
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        var positional = new List<string>();
        var options = new Dictionary<string, string>();
        var hostArgs = new List<string>();
        foreach (var (env, key) in EnvironmentKeys)
            if (Environment.GetEnvironmentVariable(env) is { Length: > 0 } value) hostArgs.Add($"--{key}={value}");
        for (var i = 0; i < rest.Length; i++)
        {
            var arg = rest[i];
            if (!arg.StartsWith("--")) { positional.Add(arg); continue; }
            var (name, value) = arg.Contains('=') ? (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..])
                : i + 1 < rest.Length && !rest[i + 1].StartsWith("--") ? (arg, rest[++i]) : (arg, "true");
            options[name] = value;
            // Anything else goes to the host as configuration ("--urls", "--environment", and the settings
            // WebApplicationFactory passes as arguments).
            hostArgs.Add(ConfigKeys.TryGetValue(name, out var configKey) ? $"--{configKey}={value}" : $"{name}={value}");
        }
        return new CommandLine(verb, positional, options, hostArgs.ToArray());
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);
}
