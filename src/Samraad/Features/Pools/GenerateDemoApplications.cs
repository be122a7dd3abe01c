using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Pools;

/// <summary>
/// Deterministic synthetic applications ("syntetiske demodata"): five municipalities per region, one to three
/// projects each, every criterion failed by at least one project, and far more applied for than the pool holds,
/// so that the ranking matters. The same seed always gives the same applications.
/// </summary>
public sealed class GenerateDemoApplications(AppDbContext db)
{
    public async Task Handle(CollectionContext ctx, PoolSpec spec, CancellationToken ct = default)
    {
        if (spec.Demo is null || await db.Responses.AnyAsync(r => r.CollectionId == ctx.Collection.Id, ct)) return;
        var random = new Random(spec.Demo.Seed);
        var perRegion = Math.Max(1, spec.Demo.Applications / 5);
        var chosen = ctx.Respondents.Where(o => o.Kind == OrganisationKind.Kommune).GroupBy(o => o.RegionCode).OrderBy(g => g.Key)
            .SelectMany(g => g.OrderBy(_ => random.Next()).Take(perRegion)).OrderBy(o => o.MunicipalityCode).ToList();
        var at = DanishTime.ParseLocal(spec.Demo.SubmittedFrom) ?? throw new InvalidDataException("demo.submittedFrom");
        var by = new Actor("demo-import", $"Generator ({spec.Demo.Label})");
        for (var i = 0; i < chosen.Count; i++)
        {
            var org = chosen[i];
            var answers = Answers(random, i, org);
            var (parsed, errors) = FormAnswers.ParseDraft(ctx.Form, answers);
            if (errors.Count > 0) throw new InvalidOperationException($"Demodata for {org.Name}: {string.Join("; ", errors.Select(e => e.Message))}");
            var when = at.AddHours(i * 7);
            var response = new Response { CollectionId = ctx.Collection.Id, OrganisationId = org.Id, FormVersionId = ctx.Collection.FormVersionId, CreatedAtUtc = when, UpdatedAtUtc = when };
            db.Responses.Add(response);
            response.ApplyDraft(parsed, ctx.Collection.FormVersionId, by, when);
            var receipt = response.Lock(by, org.DisplayName, when);
            db.Receipts.Add(receipt);
            db.AuditEntries.Add(AuditEntry.For(response, by, when, AuditAction.Imported, note: $"Ansøgning dannet som {spec.Demo.Label}"));
            await db.SaveChangesAsync(ct);
            await Receipts.AssignNumber(db, response, receipt, ct);
        }
    }

    /// <summary>One municipality's answers; application number i decides which criterion (if any) it is made to miss.</summary>
    static Dictionary<string, RawAnswer> Answers(Random random, int i, Organisation org)
    {
        var a = new Dictionary<string, RawAnswer>();
        void Set(string key, object value) => a[key] = new RawAnswer(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        var projects = 1 + random.Next(3);
        for (var n = 1; n <= projects; n++)
        {
            var loan25 = 5_000 + random.Next(26) * 1_000;
            var loan26 = 10_000 + random.Next(36) * 1_000;
            Set($"projekter/{n}/navn", $"Botilbud {org.Name} {(char)('A' + n - 1)} (syntetisk)");
            Set($"projekter/{n}/laan2025", loan25);
            Set($"projekter/{n}/laan2026", loan26);
            Set($"projekter/{n}/pladser2025", random.Next(0, 13));
            Set($"projekter/{n}/pladser2026", 6 + random.Next(0, 19));
            Set($"projekter/{n}/andel", n == 1 && i == 4 ? 10 : 25 + random.Next(16) * 5);
            Set($"projekter/{n}/afsluttet", n == 1 && i == 3 ? "2027-03-31" : new DateOnly(2025, 6, 30).AddDays(random.Next(540)).ToString("yyyy-MM-dd"));
            Set($"projekter/{n}/bruttoudgift", n == 1 && i == 5 ? 18_000 : loan25 + loan26 + random.Next(0, 20) * 1_000);
            Set($"projekter/{n}/art", n == 1 && i == 6 ? "renovering" : random.Next(3) == 0 ? "eksisterende-bygning" : "nybyggeri");
        }
        Set("sel107-108", i == 1 ? "nej" : "ja");
        Set("samlet-udvidelse", i == 2 ? "nej" : "ja");
        Set("koordinering", new[] { "kkr", "kkr", "tvaerkommunal", "ingen" }[random.Next(4)]);
        if (i == 6) Set("renovering-begrundelse", "Bygningen lever ikke op til brandkrav; uden renovering lukkes 12 pladser i 2026 (syntetisk).");
        Set("beskrivelse.1", $"Syntetiske demodata: {org.DisplayName} udvider kapaciteten med pladser efter SEL §§ 107 og 108 til borgere med komplekse behov.");
        Set("beskrivelse.2", "En fast andel af pladserne stilles til rådighed for andre kommuner i regionen efter aftale i KKR.");
        Set("beskrivelse.3", "Taksten forventes at ligge under referenceprisen for tilsvarende private tilbud.");
        Set("beskrivelse.4", "Se tabellen over ansøgt låneadgang for 2025 og 2026.");
        Set("beskrivelse.5", "Pladserne tages i brug i takt med byggeriets afslutning, jf. tabellen.");
        Set("beskrivelse.6", "Projekterne er nyetablering; art fremgår af tabellen.");
        Set("kontakt.navne", "Synne Syntetisk, specialkonsulent");
        Set("kontakt.email", $"botilbud@{org.Slug}.example");
        return a;
    }
}
