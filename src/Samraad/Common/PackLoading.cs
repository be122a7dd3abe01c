using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Samraad.Common;

/// <summary>How one pack file fared at start-up: loaded, or refused with the reason in Danish.</summary>
public sealed record PackResult(string Folder, string File, string? Error, DateTime AtUtc)
{
    public bool Loaded => Error is null;
}

/// <summary>What the last start made of every pack (for the administrator's Pakker page); in memory, rebuilt at each start.</summary>
public sealed class PackReport
{
    readonly ConcurrentDictionary<string, PackResult> results = new();

    public void Add(PackResult result) => results[result.Folder + "/" + result.File] = result;

    public IReadOnlyList<PackResult> All => results.Values.OrderBy(r => r.Folder, StringComparer.Ordinal).ThenBy(r => r.File, StringComparer.Ordinal).ToList();
}

/// <summary>
/// Each pack is read on its own: one with a mistake is skipped, logged and reported (Pakker page) with a Danish
/// message naming the pack, the file and where in it — and every other collection, meeting and pool starts as usual.
/// </summary>
public static class PackLoading
{
    public static async Task ForEach(this PackReport report, string packsDir, string fileName, DbContext db, ILogger log, TimeProvider clock,
        Func<string, Task> load)
    {
        if (!Directory.Exists(packsDir)) return;
        foreach (var file in Directory.GetFiles(packsDir, fileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetRelativePath(packsDir, Path.GetDirectoryName(file)!);
            try
            {
                await load(file);
                report.Add(new PackResult(folder, fileName, null, clock.GetUtcNow().UtcDateTime));
            }
            catch (Exception e) when (Describe(e) is { } reason)
            {
                db.ChangeTracker.Clear(); // nothing half-made of this pack is saved by the next one
                report.Add(new PackResult(folder, fileName, reason, clock.GetUtcNow().UtcDateTime));
                log.LogError("Pakken {Folder} er ikke indlæst ({File}): {Reason}", folder, fileName, reason);
            }
        }
    }

    /// <summary>The Danish reason a pack was refused, or null for a fault that is not the pack's (then start-up stops).</summary>
    public static string? Describe(Exception e) => e switch
    {
        InvalidDataException or PackException => e.Message,
        JsonException json => $"Filen er ikke gyldig JSON ved {json.Path ?? "starten"}" + (json.LineNumber is long line ? $" (linje {line + 1})" : "") + ".",
        FileNotFoundException missing => $"Filen »{Path.GetFileName(missing.FileName)}« findes ikke i pakken.",
        DirectoryNotFoundException => "En fil, pakken henviser til, findes ikke.",
        FormatException format => $"En værdi har ikke den rette form: {format.Message}",
        DbUpdateException => "Pakken kan ikke gemmes, fordi den strider mod data, der allerede findes (fx en nøgle, der er brugt to gange).",
        _ => null,
    };
}

/// <summary>A pack that cannot be loaded, with the Danish reason (where, and what is allowed).</summary>
public sealed class PackException(string message) : Exception(message);
