using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// <c>collections create --from-xlsform FIL</c> and <c>collections export-form &lt;indsamling&gt;</c>: the same use cases
/// as *Ny indsamling* and the editor's download, for automation (as the command line's admin user).
/// </summary>
public static class CollectionsCommand
{
    public const string Usage = """
        collections create --from-xlsform FIL --slug ADRESSE --title TITEL --opens "03-02-2025 08.00" --deadline "03-03-2025 23.59" [--owner kkr-sjaelland]
                                                opret en indsamling som kladde med skemaet fra et XLSForm-regneark
        collections create --from-pack PAKKE.zip [--slug …] [--title …] [--opens …] [--deadline …] [--owner …]
                                                opret en indsamling som kladde fra en pakke (zip af pakkens mappe)
        collections export-form <indsamling> [--format xlsx|json] --out FIL
                                                skemaet som XLSForm-regneark (eller form.json)
        """;

    public static async Task<int> Run(CliCall call) => call.Argument(0) switch
    {
        "create" => await Create(call),
        "export-form" => await ExportForm(call),
        _ => call.Usage(),
    };

    static async Task<int> Create(CliCall call)
    {
        if (call.Option("--from-pack") is { } zip)
        {
            if (!File.Exists(zip)) return call.Fail($"Filen {zip} findes ikke.");
            var packed = await call.Get<CreateFromPack>().Handle(await File.ReadAllBytesAsync(zip), Path.GetFileName(zip),
                new NewCollection(call.Option("--slug"), call.Option("--title"), null, call.Option("--opens"), call.Option("--deadline"), call.Option("--owner")), call.User);
            return await Created(call, packed);
        }
        if (call.Option("--from-xlsform") is not { } path) return call.Usage();
        if (!File.Exists(path)) return call.Fail($"Filen {path} findes ikke.");
        var slug = call.Option("--slug") ?? Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var sheet = FormSheets.From(await File.ReadAllBytesAsync(path), slug, Path.GetFileName(path));
        foreach (var note in sheet.Notes) Console.Error.WriteLine(note);
        if (sheet.Form is null) return call.Fail("Regnearket er ikke indlæst:\n" + string.Join("\n", sheet.Errors.Select(e => "  " + e.Message)));
        var outcome = await call.Get<CreateCollection>().Handle(new NewCollection(slug, call.Option("--title") ?? sheet.Form.Title, call.Option("--description"),
            call.Option("--opens"), call.Option("--deadline"), call.Option("--owner"), CarryForm: false, CarryTables: false, Form: sheet.Form, FormFile: sheet.FileName), call.User);
        return await Created(call, outcome);
    }

    static async Task<int> Created(CliCall call, Outcome<Collection> outcome)
    {
        if (!outcome.Ok) return call.Fail(string.Join("\n", outcome.Errors?.Select(e => $"  {e.Key}: {e.Message}") ?? [outcome.Message!]));
        await call.Stdout.WriteLineAsync($"Oprettet som kladde: /indsamlinger/{outcome.Value!.Slug}");
        return 0;
    }

    static async Task<int> ExportForm(CliCall call)
    {
        if (call.Argument(1) is not { } slug) return call.Usage();
        if (await CollectionContext.Load(call.Get<AppDbContext>(), slug) is not { } ctx) return call.Fail($"Der er ingen indsamling »{slug}«.");
        return (call.Option("--format") ?? "xlsx") switch
        {
            "xlsx" => await call.Write(XlsFormWriter.Write(ctx.Form), binary: true),
            "json" => await call.Write(System.Text.Encoding.UTF8.GetBytes(FormSpecReader.Write(ctx.Form)), binary: false),
            var other => call.Fail($"Ukendt format »{other}«: brug xlsx eller json."),
        };
    }
}
