using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;

namespace Samraad.Features.Surveys;

/// <summary>
/// packs/**/survey.json (the definition), printed-figures.csv (spoergsmaal, opdeling, maal, raekke, kolonne, trykt:
/// what the source printed) and data.csv (the microdata, imported as a user would). A pack that does not hold
/// together is refused with the reason; nothing of it is stored.
/// </summary>
public sealed class LoadSurveyPacks(AppDbContext db, ImportSurveyData import, ILogger<LoadSurveyPacks> log, TimeProvider clock, PackReport report)
{
    public async Task Handle(string packsDir, CancellationToken ct = default)
    {
        await report.ForEach(packsDir, "survey.json", db, log, clock, async file =>
        {
            var dir = Path.GetDirectoryName(file)!;
            var def = SurveyDefinition.Parse(await File.ReadAllTextAsync(file, ct));
            if (await db.Surveys.AnyAsync(s => s.Slug == def.Slug, ct)) return;
            var printedFile = Path.Combine(dir, "printed-figures.csv");
            if (File.Exists(printedFile)) def = def with { Printed = ReadPrinted(printedFile) };
            var problems = def.Problems();
            if (problems.Count > 0) throw new InvalidDataException($"{file}: {string.Join(" ", problems)}");
            var owner = await db.Organisations.FirstOrDefaultAsync(o => o.Slug == def.Owner, ct) ?? throw new InvalidDataException($"{file}: ejeren »{def.Owner}« findes ikke");
            var survey = new Survey { Slug = def.Slug, Title = def.Title, OwnerOrganisationId = owner.Id, DefinitionJson = def.ToJson() };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync(ct);
            var dataFile = Path.Combine(dir, "data.csv");
            if (!File.Exists(dataFile)) return;
            var result = await import.Handle(new SurveyContext(survey, def), await File.ReadAllBytesAsync(dataFile, ct), dataFile, "Samraad ved første start (pakkens data.csv)", ct);
            if (!result.Ok)
            {
                db.Surveys.Remove(survey);
                await db.SaveChangesAsync(ct);
                throw new InvalidDataException($"{dataFile}: {string.Join(" ", result.Errors)}");
            }
            log.LogInformation("Undersøgelse {Slug} indlæst: {Respondents} besvarelser", def.Slug, result.Respondents);
        });
    }

    static List<PrintedSurveyFigure> ReadPrinted(string file) =>
        Csv.ReadWithLines(File.ReadAllText(file), out _).Select(r => new PrintedSurveyFigure(
            r.Cells["spoergsmaal"], r.Cells["opdeling"], r.Cells["maal"], r.Cells["raekke"], r.Cells["kolonne"],
            decimal.TryParse(r.Cells["trykt"], NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InvalidDataException($"{file}, linje {r.Line}: »{r.Cells["trykt"]}« er ikke et tal"))).ToList();
}
