using Samraad.Hosting;

namespace Samraad;

/// <summary>
/// One executable: `samraad` / `samraad serve` runs the web app; other verbs (migrate, export, summary, users, reference)
/// work on the same configured database, creating and seeding it first if it is new.
/// </summary>
public sealed class Program
{
    Program() { }

    public static async Task<int> Main(string[] args)
    {
        var command = CommandLine.Parse(args);
        if (!Cli.IsVerb(command.Verb))
        {
            Console.Error.WriteLine(Cli.Usage);
            return command.Verb == "help" ? 0 : 2;
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.HostArgs, ContentRootPath = AppContext.BaseDirectory });
        if (command.Verb == "serve" && builder.Configuration["urls"] is null && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        if (command.Verb != "serve")
        {
            // Verbs write data to stdout: keep logs on stderr and quiet.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        builder.AddSamraad();
        await using var app = builder.Build();
        app.UseSamraad();
        if (Cli.PreparesDatabase(command.Verb))
            await app.InitializeAsync(createAccounts: command.Verb == "serve"); // `users init` creates them itself and says so
        if (command.Verb == "serve")
        {
            await app.RunAsync();
            return 0;
        }
        return await Cli.Run(app, command, Console.Out);
    }
}
