using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Summaries;
using Samraad.Features.Contracts;
using Samraad.Features.Meetings;
using Samraad.Features.Pools;
using Samraad.Features.Reference;

namespace Samraad.Hosting;

/// <summary>The automation verbs. Each runs against the configured database after it is created, migrated and seeded.</summary>
public static class Cli
{
    public const string Usage = """
        Brug: samraad [verbum] [argumenter] [--data-dir DIR] [--db-provider sqlite|postgres] [--db FORBINDELSESSTRENG]

          serve                                   start webserveren (standard), http://127.0.0.1:5080 (--urls for andet)
          migrate                                 opret/migrér databasen og indlæs referencedata og packs
          export <indsamling> --format csv|xlsx|json [--out FIL]
          summary <indsamling> --format json      sammendrag med afvigelser fra trykte tal
          users init                              opret de første konti (adgangskoder i DATA-DIR/initial-passwords.txt)
          reference export                        kommuner i kommuner.csv-format
          meetings --format json                  møder (id, titel, dato, status)
          packet <møde> --out FIL.pdf             dagsordenspakken (seneste offentliggjorte; ellers et udkast med aktuelle data)
          minutes <møde> --out FIL.pdf            beslutningsprotokollen
          pools --format json                     puljer
          allocate <pulje> --format json          fordelingen: kriterier, rang, tilsagn pr. år og begrundelse pr. projekt
          contracts --format json                 resultatkontrakter
          contract-status <kontrakt> --format json  hvert mål med måltal, faktisk tal, fremskrivning og status
          indicators [<nøgletal>] --format json   nøgletalssæt; et sæts tal, indikatorer (med formel) og kontroller
          surveys --format json                   undersøgelser med svardata
          pivot <undersøgelse> [--rows region|klynge|kl-survey-grupper] [--question SPØRGSMÅL] [--categories KATEGORIER]
                [--filter "region:Region Sjælland"] --format json
                                                  pivottabeller: antal og procent pr. svar og opdeling, med trykte tal og afvigelser
          bench [--runs N] [--only contracts|surveys]     tidsmålinger på landsdækkende syntetiske data (98 kommuner) og en
                                                  resultatkontrakt med 1 mio. registreringer; brug en separat
                                                  --data-dir, da den tilføjer benchmarkdata

        Miljøvariabler: SAMRAAD_DATA_DIR, SAMRAAD_DB_PROVIDER, SAMRAAD_DB.
        """;

    public static async Task<int> Run(WebApplication app, CommandLine command, TextWriter stdout)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        switch (command.Verb, command.Arguments.FirstOrDefault())
        {
            case ("migrate", _):
                await stdout.WriteLineAsync($"Databasen er klar: {await db.Collections.CountAsync()} indsamlinger, {await db.Organisations.CountAsync()} organisationer.");
                return 0;
            case ("export", string slug):
            {
                var ctx = await CollectionContext.Load(db, slug);
                if (ctx is null) return Fail($"Indsamlingen »{slug}« findes ikke.");
                var format = command.Option("--format") ?? "csv";
                if (!ExportResponses.Formats.Contains(format)) return Fail("--format skal være csv, xlsx eller json.");
                var file = await sp.GetRequiredService<ExportResponses>().Handle(ctx, format);
                return await Write(stdout, file.Content, command.Option("--out"), binary: format == "xlsx");
            }
            case ("summary", string slug):
            {
                var ctx = await CollectionContext.Load(db, slug);
                if (ctx is null) return Fail($"Indsamlingen »{slug}« findes ikke.");
                if ((command.Option("--format") ?? "json") != "json") return Fail("summary understøtter kun --format json.");
                var groupSet = command.Option("--group-set");
                var report = await sp.GetRequiredService<ComputeSummary>().Handle(ctx, groupSet);
                if (groupSet is not null && report.Breakdown is null)
                    return Fail($"Opdelingen »{groupSet}« findes ikke. Brug en af: {string.Join(", ", report.GroupSets.Select(s => s.Key))}");
                var json = JsonSerializer.SerializeToUtf8Bytes(SummaryJson.From(report, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime), JsonOut);
                return await Write(stdout, json, command.Option("--out"), binary: false);
            }
            case ("users", "init"):
            {
                var path = await sp.GetRequiredService<InitialAccounts>().Handle(sp.GetRequiredService<SamraadOptions>().DataDir);
                await stdout.WriteLineAsync(path is null ? "Der findes allerede brugere; intet er ændret." : $"Konti oprettet. Adgangskoderne står i {path}");
                return 0;
            }
            case ("reference", "export"):
                return await Write(stdout, ExportReference.Municipalities(await sp.GetRequiredService<ListOrganisations>().Handle(new(nameof(OrganisationKind.Kommune), null, null, null))),
                    command.Option("--out"), binary: false);
            case ("meetings", _):
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes(await MeetingApi.List(db), JsonOut), command.Option("--out"), binary: false);
            case ("packet", string meetingSlug):
            {
                var ctx = await MeetingContext.Load(db, meetingSlug);
                if (ctx is null) return Fail($"Mødet »{meetingSlug}« findes ikke.");
                byte[] pdf;
                if (ctx.Latest is { } latest) pdf = (await db.Files.FirstAsync(f => f.Id == latest.PacketFileId)).Content;
                else pdf = (await sp.GetRequiredService<BuildPacket>().Handle(ctx.Meeting,
                    await sp.GetRequiredService<PacketAttachments>().Handle(ctx, useFrozen: false), null, null)).Pdf;
                return await Write(stdout, pdf, command.Option("--out"), binary: true);
            }
            case ("minutes", string meetingSlug):
            {
                var ctx = await MeetingContext.Load(db, meetingSlug);
                if (ctx is null) return Fail($"Mødet »{meetingSlug}« findes ikke.");
                return await Write(stdout, await sp.GetRequiredService<BuildMinutesPdf>().Handle(ctx, includeClosed: true), command.Option("--out"), binary: true);
            }
            case ("pools", _):
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes(await PoolApi.List(db), JsonOut), command.Option("--out"), binary: false);
            case ("allocate", string poolSlug):
            {
                var ctx = await PoolContext.Load(db, poolSlug);
                if (ctx is null) return Fail($"Puljen »{poolSlug}« findes ikke.");
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes(await PoolApi.Allocation(db, ctx), JsonOut), command.Option("--out"), binary: false);
            }
            case ("contracts", _):
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes((await ContractApi.List(db)).Select(c => c.Item).ToList(), JsonOut), command.Option("--out"), binary: false);
            case ("contract-status", string contractSlug):
            {
                var ctx = await ContractContext.Load(db, contractSlug);
                if (ctx is null) return Fail($"Kontrakten »{contractSlug}« findes ikke.");
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes(ContractApi.Status(await ctx.Report(db)), JsonOut), command.Option("--out"), binary: false);
            }
            case ("indicators", string setSlug):
            {
                var ctx = await Features.Indicators.KeyFigureContext.Load(db, setSlug);
                if (ctx is null) return Fail($"Nøgletallene »{setSlug}« findes ikke.");
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes(Features.Indicators.IndicatorApi.Dto(await ctx.Report(db, ctx.Reporters)), JsonOut), command.Option("--out"), binary: false);
            }
            case ("indicators", _):
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes(await Features.Indicators.IndicatorApi.List(db, UserContext.CommandLine), JsonOut), command.Option("--out"), binary: false);
            case ("surveys", _):
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes(await Features.Surveys.SurveyPages.Items(db, UserContext.CommandLine), JsonOut), command.Option("--out"), binary: false);
            case ("pivot", string surveySlug):
            {
                var ctx = await Features.Surveys.SurveyContext.Load(db, surveySlug);
                if (ctx is null) return Fail($"Undersøgelsen »{surveySlug}« findes ikke.");
                var split = command.Option("--rows") ?? command.Option("--columns");
                var questions = command.Option("--question") is { } one ? [one] : ctx.Definition.Questions.Select(q => q.Key).ToList();
                var tables = new List<Features.Surveys.PivotDto>();
                foreach (var question in questions)
                {
                    var request = Features.Surveys.PivotRequest.From(question, split, command.Option("--categories"), command.Option("--filter"));
                    var errors = request.Check(ctx.Definition, await ctx.Splits(db), await ctx.Filters(db));
                    if (errors.Count > 0) return Fail(string.Join(" ", errors.Select(e => e.Message)) + ".");
                    tables.Add(Features.Surveys.SurveyApi.Dto(await ctx.Pivot(db, question, split, request.Categories, filter: request.Filter)));
                }
                return await Write(stdout, JsonSerializer.SerializeToUtf8Bytes(tables, JsonOut), command.Option("--out"), binary: false);
            }
            case ("bench", _):
                var runs = int.TryParse(command.Option("--runs"), out var n) && n > 0 ? n : 25;
                await new Bench.RunBenchmarks(app.Services).Handle(runs, stdout, command.Option("--only"));
                return 0;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>Indented, with Danish letters as they are (not \u00F8), like the API.</summary>
    static readonly JsonSerializerOptions JsonOut = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    static async Task<int> Write(TextWriter stdout, byte[] content, string? outPath, bool binary)
    {
        if (outPath is not null) { await File.WriteAllBytesAsync(outPath, content); return 0; }
        if (binary && !Console.IsOutputRedirected) return Fail("XLSX er binært: brug --out FIL eller omdiriger output.");
        if (stdout == Console.Out)
        {
            await using var raw = Console.OpenStandardOutput();
            await raw.WriteAsync(content);
        }
        else await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(content));
        return 0;
    }
}
