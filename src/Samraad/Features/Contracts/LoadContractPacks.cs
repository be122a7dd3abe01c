using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Contracts;

/// <summary>packs/**/contract.json: the contract and its 15 goals verbatim; synthetic data once, through the import path.</summary>
public sealed class LoadContractPacks(AppDbContext db, ContractImports imports, ILogger<LoadContractPacks> log, TimeProvider clock, PackReport report)
{
    sealed record GoalSpec(int Number, string Title, string Scope, string Target, string Method, string Reporting, string Cadence, bool Qualitative, JsonElement Measures);
    sealed record FigureSpec(string Key, decimal Value, int Year, string Date, string Source);
    sealed record DemoSpec(int Seed, string DataUntil, string Label, int Registrations, int Evaluations);
    sealed record Pack(string Slug, string Title, int Year, string Owner, string Hub, string Source, string Framework, string Reporting,
        List<GoalSpec> Goals, List<FigureSpec> EnteredFigures, DemoSpec? Demo);

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    static readonly UserContext Generator = new("system", "demo-generator", "Demodata-generator", Roles.Admin, null);

    public async Task Handle(string packsDir, bool demoData, CancellationToken ct = default)
    {
        await report.ForEach(packsDir, "contract.json", db, log, clock, async file =>
        {
            var pack = JsonSerializer.Deserialize<Pack>(await File.ReadAllTextAsync(file, ct), Json) ?? throw new InvalidDataException($"{file} er tom");
            if (await db.Contracts.AnyAsync(c => c.Slug == pack.Slug, ct)) return;
            var contract = new Contract
            {
                Slug = pack.Slug, Title = pack.Title, Year = pack.Year, Source = pack.Source, FrameworkText = pack.Framework, Reporting = pack.Reporting,
                OwnerOrganisationId = (await db.Organisations.FirstAsync(o => o.Slug == pack.Owner, ct)).Id,
                HubOrganisationId = (await db.Organisations.FirstAsync(o => o.Slug == pack.Hub, ct)).Id,
                DemoNote = demoData && pack.Demo is not null ? $"Registreringer og brugerevalueringer er {pack.Demo.Label} (til og med {DateOnly.Parse(pack.Demo.DataUntil, CultureInfo.InvariantCulture).ToString("d. MMMM yyyy", DanishTime.Culture)})." : null,
                Goals = pack.Goals.Select(g => new Goal
                {
                    Number = g.Number, Title = g.Title, Scope = Enum.Parse<GoalScope>(g.Scope), Target = g.Target, Method = g.Method,
                    Reporting = g.Reporting, Cadence = g.Cadence, IsQualitative = g.Qualitative, MeasuresJson = g.Measures.GetRawText(),
                }).ToList(),
            };
            db.Contracts.Add(contract);
            await db.SaveChangesAsync(ct);
            foreach (var f in pack.EnteredFigures)
                db.EnteredFigures.Add(new EnteredFigure
                {
                    ContractId = contract.Id, Key = f.Key, Value = f.Value, Year = f.Year, Date = DateOnly.Parse(f.Date), Source = f.Source,
                    EnteredAtUtc = DateTime.SpecifyKind(DateOnly.Parse(f.Date).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc), EnteredBy = "Indlæst fra bilagsmappen",
                });
            await db.SaveChangesAsync(ct);
            if (demoData && pack.Demo is { } demo) await LoadDemo(contract, demo, ct);
            log.LogInformation("Resultatkontrakt {Slug} indlæst med {Goals} mål", pack.Slug, contract.Goals.Count);
        });
    }

    async Task LoadDemo(Contract contract, DemoSpec demo, CancellationToken ct)
    {
        var ctx = new ContractContext(contract);
        var municipalities = await db.ReferenceFigures.Where(f => f.Key == "befolkning" && f.Organisation!.KkrId == contract.OwnerOrganisationId)
            .Select(f => new { f.Organisation!.MunicipalityCode, f.Value }).ToListAsync(ct);
        var until = DateOnly.Parse(demo.DataUntil);
        var files = new[]
        {
            (ImportKind.Registrations, "crm-forloeb-syntetisk.csv", ContractDemoData.Registrations(demo.Seed, contract.Year, until, demo.Registrations,
                municipalities.Select(m => (m.MunicipalityCode!.Value, m.Value)).OrderBy(m => m.Item1).ToList())),
            (ImportKind.Evaluations, "brugerevaluering-syntetisk.csv", ContractDemoData.Evaluations(demo.Seed, demo.Evaluations)),
        };
        foreach (var (kind, name, csv) in files)
        {
            var preview = await imports.Upload(ctx, Generator, kind, name, Encoding.UTF8.GetBytes(csv), ct);
            if (!preview.Ok) throw new InvalidDataException($"Demodata ({name}): {string.Join("; ", preview.Errors?.Select(e => e.Message) ?? [preview.Message!])}");
            await imports.Confirm(ctx, Generator, preview.Value!.Import.Id, ct);
        }
    }
}
