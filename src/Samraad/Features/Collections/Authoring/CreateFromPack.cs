using Samraad.Documents;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Packs;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// *Ny indsamling* from a pack: the zip of a pack folder (collection.json, form.json, printed-figures.csv) unpacked
/// with limits into a folder of its own, read and checked as the pack loader reads a server pack, and created as a
/// draft owned by the uploader's secretariat (an admin: the pack's owner) under its own slug, with the pack's form,
/// respondents, window, overview tables and printed figures. Demo answers in a pack are not loaded.
/// </summary>
public sealed class CreateFromPack(CreateCollection create, LoadPacks packs)
{
    public const string ErrorKey = "pack";

    /// <summary>The page's fields win over the pack's (a new slug, title or window for this year's edition).</summary>
    public async Task<Outcome<Collection>> Handle(byte[] zip, string fileName, NewCollection overrides, UserContext user, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(overrides.CopyFrom))
            return Outcome<Collection>.Fail(Problem.Invalid, "Pakken er ikke indlæst.", [new FieldError("copyFrom", "Pakken har sit eget skema og sine egne respondenter: vælg »Intet« under »Kopiér fra«, eller fjern pakken")]);
        var dir = Directory.CreateTempSubdirectory("samraad-pack-").FullName;
        try
        {
            PackFile pack;
            FormSpec form;
            PackContent content;
            try
            {
                var root = PackZip.Extract(zip, dir);
                pack = PackFile.Parse(await File.ReadAllTextAsync(Path.Combine(root, "collection.json"), ct));
                if (pack.PeriodProblem() is { } periods) throw new InvalidDataException($"collection.json: {periods}");
                form = FormSpecReader.Parse(await File.ReadAllTextAsync(PackZip.Named(root, pack.Form, "form"), ct));
                var printed = pack.PrintedFigures is null ? []
                    : PackCsv.CheckedPrintedFigures(await File.ReadAllTextAsync(PackZip.Named(root, pack.PrintedFigures, "printedFigures"), ct), form, pack.PrintedFigures, pack.Form);
                if (SummaryTableSpec.Problems(pack.SummaryTables, form) is [var first, ..]) throw new InvalidDataException($"collection.json: {first}");
                var respondents = await packs.Respondents(pack.Respondents, ct);
                content = new PackContent(respondents.Select(o => o.Id).ToList(), pack.SummaryTables.Count == 0 ? null : SummaryTableSpec.ToJson(pack.SummaryTables),
                    printed, pack.Source, pack.Periods);
            }
            catch (Exception e) when (e is FileRefused or InvalidDataException or System.Text.Json.JsonException or IOException or CsvHelper.CsvHelperException)
            {
                var message = e switch
                {
                    System.Text.Json.JsonException => "collection.json kan ikke læses: tjek at filen er gyldig JSON, og at ingen værdi er null",
                    CsvHelper.CsvHelperException => "printed-figures.csv kan ikke læses som CSV",
                    _ => e.Message.TrimEnd('.'),
                };
                return Outcome<Collection>.Fail(Problem.Invalid, "Pakken er ikke indlæst.", [new FieldError(ErrorKey, message)]);
            }
            static string? Or(string? given, string? fromPack) => string.IsNullOrWhiteSpace(given) ? fromPack : given;
            return await create.Handle(overrides with
            {
                Slug = Or(overrides.Slug, pack.Slug), Title = Or(overrides.Title, pack.Title), Description = Or(overrides.Description, pack.Description),
                Opens = Or(overrides.Opens, pack.Opens), Deadline = Or(overrides.Deadline, pack.Deadline), Owner = Or(overrides.Owner, pack.Owner),
                CopyFrom = null, CarryForm = false, CarryRespondents = false, CarryTables = false, CarryPrinted = false,
                Form = form, FormFile = Path.GetFileName(fileName), Pack = content,
            }, user, ct);
        }
        finally { try { Directory.Delete(dir, recursive: true); } catch (IOException) { } }
    }
}
