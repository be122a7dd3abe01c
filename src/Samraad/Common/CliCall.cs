using System.Text.Json;

namespace Samraad.Common;

/// <summary>
/// One run of a verb: its arguments and options, a scope's services and standard output, with the ways a verb ends
/// (data written, a Danish message on stderr and exit 1, or the usage and exit 2). Verbs act as
/// <see cref="UserContext.CommandLine"/> and call the same read use cases as the API.
/// </summary>
public sealed class CliCall(IServiceProvider services, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> options, TextWriter stdout, string usage)
{
    public IServiceProvider Services => services;
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();
    public UserContext User => UserContext.CommandLine;
    public TextWriter Stdout => stdout;

    /// <summary>The n-th positional argument after the verb, if given.</summary>
    public string? Argument(int n) => n < arguments.Count ? arguments[n] : null;
    public string? Option(string name) => options.GetValueOrDefault(name);

    /// <summary>Indented, with Danish letters as they are (not \u00F8), like the API.</summary>
    public static readonly JsonSerializerOptions JsonOut = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    /// <summary>A verb called without what it needs: the usage, exit 2.</summary>
    public int Usage()
    {
        Console.Error.WriteLine(usage);
        return 2;
    }

    /// <summary>The read's value as JSON (to --out or stdout), or its Danish message and exit 1.</summary>
    public Task<int> Json<T>(Outcome<T> outcome) =>
        outcome.Ok ? Write(JsonSerializer.SerializeToUtf8Bytes(outcome.Value, JsonOut), binary: false) : Task.FromResult(Fail(Message(outcome)));

    /// <summary>A file's bytes, or the Danish message and exit 1.</summary>
    public Task<int> File(Outcome<byte[]> outcome, bool binary) =>
        outcome.Ok ? Write(outcome.Value!, binary) : Task.FromResult(Fail(Message(outcome)));

    static string Message<T>(Outcome<T> outcome) =>
        outcome.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Select(e => e.Message)) + "." : outcome.Message!;

    /// <summary>Only json is written by verbs that take --format json (the default).</summary>
    public bool WantsJson => (Option("--format") ?? "json") == "json";

    public async Task<int> Write(byte[] content, bool binary)
    {
        if (Option("--out") is { } path) { await System.IO.File.WriteAllBytesAsync(path, content); return 0; }
        if (binary && !Console.IsOutputRedirected) return Fail("Filen er binær: brug --out FIL eller omdiriger output.");
        if (stdout == Console.Out)
        {
            await using var raw = Console.OpenStandardOutput();
            await raw.WriteAsync(content);
        }
        else await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(content));
        return 0;
    }
}
