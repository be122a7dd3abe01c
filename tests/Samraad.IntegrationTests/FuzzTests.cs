using System.Globalization;
using System.Net;
using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;

namespace Samraad.IntegrationTests;

/// <summary>
/// Property-based fuzzing (CsCheck) of the JSON bodies and query strings: thousands of generated inputs per endpoint —
/// odd Unicode (lone surrogates, NUL, bidi), numbers too big for any type, Danish and English number forms, wrong
/// shapes, unknown and malformed keys, broken JSON. Properties: no response is a 5xx, and a refused request changes
/// nothing stored.
/// </summary>
public class FuzzTests
{
    const string Collection = "alle-felttyper";
    const string Responses = $"/api/collections/{Collection}/responses/";

    static readonly string[] Keys =
    [
        "ja-nej", "antal", "andel", "beloeb", "pct", "dato", "grad", "tekst", "aar/deltagere/y2021", "aar/aktiviteter/y2022",
        "projekter/1/navn", "projekter/1/beloeb", "projekter/99/navn", "aar/deltagere", "aar//y2021", "projekter/0/navn", "findes-ikke",
    ];

    static readonly string[] Words =
    [
        "", " ", "ja", "nej", "ved-ikke", "ikke-relevant", "1.250", "1.250,50", "1,25", "2.500.000", "1.25.0", "12.50", "-0", "0",
        "1e309", "NaN", "Infinity", "9999999999999999999999999999999", "-2147483649", "2147483648", "31/12/2026", "2026-12-31",
        "30/02/2026", "hoej", "meget-hoej", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "\u202Eevil", "æøå ÆØÅ", "\\u0000",
    ];

    /// <summary>Any UTF-16 text, lone surrogates and control characters included.</summary>
    static readonly Gen<string> AnyText = Gen.Char.Array[0, 12].Select(c => new string(c));

    static readonly Gen<string> Text = Gen.Frequency((4, Gen.OneOfConst(Words)), (3, AnyText), (1, Gen.Int[0, 5000].Select(n => new string('x', n))));

    /// <summary>A JSON string literal, sometimes with escapes JSON allows but text cannot hold (\ud800, \u0000).</summary>
    static readonly Gen<string> JsonString = Gen.Frequency(
        (6, Text.Select(Quote)),
        (1, Gen.OneOfConst("\"a\\ud800b\"", "\"\\u0000\"", "\"\\udc00\"", "\"\\uD83D\\uDE00\"", "\"\\u202e\"")));

    static readonly Gen<string> JsonNumber = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e308"),
        Gen.OneOfConst("1e400", "-1e400", "123456789012345678901234567890", "0.000000000000000000000001", "-0", "1.5"));

    static Gen<string> JsonValue(int depth) => depth == 0
        ? Gen.OneOf(JsonString, JsonNumber, Gen.OneOfConst("null", "true", "false"))
        : Gen.Frequency(
            (6, JsonValue(0)),
            (1, JsonValue(depth - 1).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(JsonValue(depth - 1), Gen.OneOf(JsonString, Gen.Const("null"))).Select(v => $"{{\"value\":{v.Item1},\"missing\":{v.Item2}}}")),
            (1, Gen.Select(Gen.OneOf(Gen.OneOfConst(Keys).Select(Quote), JsonString), JsonValue(depth - 1)).Array[0, 3]
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"{p.Item1}:{p.Item2}")) + "}")));

    static readonly Gen<string> Key = Gen.Frequency((5, Gen.OneOfConst(Keys)), (2, AnyText), (1, Gen.Int[190, 260].Select(n => new string('k', n))));

    /// <summary>An answers body: mostly the right shape with odd content, sometimes the wrong shape or broken JSON.</summary>
    static readonly Gen<string> Body = Gen.Frequency(
        (8, Gen.Select(Gen.Select(Key.Select(Quote), JsonValue(2)).Array[0, 6], Gen.OneOf(JsonNumber, Gen.OneOfConst("null", "\"3\"", "-1")))
            .Select(b => $"{{\"answers\":{{{string.Join(",", b.Item1.Select(p => $"{p.Item1}:{p.Item2}"))}}},\"revision\":{b.Item2}}}")),
        (1, JsonValue(2).Select(v => $"{{\"answers\":{v}}}")),
        (1, JsonValue(2)),
        (1, Gen.Select(JsonValue(2), Gen.Int[0, 30]).Select(v => v.Item1.Length > v.Item2 ? v.Item1[..v.Item2] : v.Item1 + "}")));

    static string Quote(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
            b.Append(c switch
            {
                '"' => "\\\"", '\\' => "\\\\",
                // Lone surrogates cannot be written as UTF-8: escape them as JSON may (\ud800), which the app must refuse.
                _ when c < ' ' || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return b.Append('"').ToString();
    }

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>What a refused request must not change: the response's revision, status, draft answers and receipts.</summary>
    static Task<string> Stored(TestApp app, string org) => app.WithDb(async d =>
    {
        var r = await d.Responses.AsNoTracking().Where(x => x.Collection!.Slug == Collection && x.Organisation!.Slug == org)
            .Select(x => new { x.Id, x.Revision, x.Status, x.LatestReceiptId }).SingleOrDefaultAsync();
        if (r is null) return "none";
        var answers = await d.Answers.AsNoTracking().Where(a => a.ResponseId == r.Id).OrderBy(a => a.FieldKey)
            .Select(a => a.FieldKey + "=" + a.Value + "|" + a.MissingCode).ToListAsync();
        var receipts = await d.Receipts.CountAsync(x => x.ResponseId == r.Id);
        return $"{r.Revision}/{r.Status}/{r.LatestReceiptId}/{receipts}/{string.Join(";", answers)}";
    });

    static void NoServerError(HttpResponseMessage response, string input)
    {
        if ((int)response.StatusCode >= 500) Assert.Fail($"{(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} with {input}");
    }

    [Theory, OnSqlite, OnPostgres, Trait("Speed", "Slow")]
    public async Task Drafts_submits_and_log_ins_never_give_a_5xx_and_a_refused_one_changes_nothing(Db db)
    {
        await using var app = TestApp.Start(db);
        app.Clock.Now = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero); // inside the test pack's window
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await app.CreateUser("greve-bruger", Roles.Respondent, "greve");
        var faxe = await app.LoggedIn("faxe-bruger");
        var greve = await app.LoggedIn("greve-bruger");
        var anonymous = app.Client();

        async Task Probe(HttpClient client, string org, Func<Task<HttpResponseMessage>> send, string input)
        {
            var before = await Stored(app, org);
            var response = await send();
            NoServerError(response, input);
            if (!response.IsSuccessStatusCode) Assert.True(before == await Stored(app, org), $"{(int)response.StatusCode} changed stored data for {input}");
        }

        await Body.SampleAsync(body => Probe(faxe, "faxe", () => faxe.PutAsync(Responses + "faxe", Json(body)), body), iter: 2000, threads: 1, print: b => b);
        await Body.SampleAsync(body => Probe(greve, "greve", () => greve.PostAsync(Responses + "greve/submit", Json(body)), body), iter: 1000, threads: 1, print: b => b);
        // Another organisation's response, written with a valid-looking body: refused, nothing changed.
        await Body.SampleAsync(body => Probe(faxe, "greve", () => faxe.PutAsync(Responses + "greve", Json(body)), body), iter: 300, threads: 1, print: b => b);
        var credentials = Gen.Select(Gen.OneOf(JsonString, JsonNumber, Gen.Const("null")), Gen.OneOf(JsonString, Gen.Const("null")))
            .Select(c => $"{{\"userName\":{c.Item1},\"password\":{c.Item2}}}");
        await Gen.OneOf(credentials, Body).SampleAsync(async body =>
        {
            var response = await anonymous.PostAsync("/api/session", Json(body));
            NoServerError(response, body);
            Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
        }, iter: 500, threads: 1, print: b => b);
    }

    [Theory, OnSqlite, OnPostgres, Trait("Speed", "Slow")]
    public async Task Query_strings_never_give_a_5xx(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("sagsbehandler", Roles.Secretariat, "indenrigs-og-sundhedsministeriet");
        var sek = await app.LoggedIn("sek");
        var caseworker = await app.LoggedIn("sagsbehandler");
        (HttpClient Client, string Path, string[] Parameters)[] endpoints =
        [
            (sek, "/api/collections/akutfunktioner-2024/summary", ["period", "groupSet"]),
            (sek, "/api/collections/akutfunktioner-2024/matrix", ["includeText", "period"]),
            (sek, "/api/collections/akutfunktioner-2024/export", ["format", "period"]),
            (sek, "/api/collections/akutfunktioner-2024/audit", ["respondent"]),
            (sek, "/api/collections/klyngeevaluering-2021-2023/summary", ["period"]),
            (sek, "/indsamlinger/akutfunktioner-2024/sammendrag", ["gruppe", "periode"]),
            (sek, "/indsamlinger/akutfunktioner-2024/matrix", ["tekst", "periode"]),
            (sek, "/api/indicators/kofoedsminde-noegletal", ["groupSet", "period"]),
            (sek, "/noegletal/kofoedsminde-noegletal/beregning", ["places", "years", "etablering", "grund"]),
            (sek, "/api/surveys/klyngedeltagersurvey/pivot", ["question", "split", "categories", "filter"]),
            (sek, "/undersoegelser/klyngedeltagersurvey", ["besked"]),
            (sek, "/noegletal/kofoedsminde-noegletal", ["gruppe", "besked"]),
            (sek, "/noegletal/kofoedsminde-noegletal/indtast", ["organisation", "periode"]),
            (caseworker, "/api/pools/laanepulje-botilbud-2025-26/allocation", ["budget2025", "budget2026"]),
            (sek, "/api/reference/organisations", ["kind", "region", "kkr", "group"]),
            (sek, "/referencedata/organisationer.csv", ["type", "region", "kkr", "gruppe"]),
            (sek, "/api/tasks", ["open"]),
            (sek, "/soeg", ["q"]),
            (sek, "/api/search", ["q"]),
            (app.Client(), "/log-ind", ["returnUrl"]),
        ];
        var value = Gen.Frequency((3, Text), (2, JsonNumber), (1, Gen.OneOfConst("%00", "%ZZ", "%F0%9F", "%ED%A0%80", "%C0%AF", "..%2F..%2F", "%2F%2Fevil.example")));
        foreach (var (client, path, parameters) in endpoints)
        {
            var query = Gen.Select(Gen.OneOfConst(parameters).Array[1, 3], value.Array[3]).Select(q =>
                "?" + string.Join("&", q.Item1.Select((p, i) => p + "=" + (q.Item2[i].StartsWith('%') ? q.Item2[i] : Uri.EscapeDataString(Clean(q.Item2[i]))))));
            await query.SampleAsync(async q =>
            {
                var response = await client.GetAsync(path + q);
                NoServerError(response, q);
            }, iter: 200, threads: 1, print: q => path + q);
        }
    }

    /// <summary>Uri.EscapeDataString refuses lone surrogates; a browser would send U+FFFD for them.</summary>
    static string Clean(string s) => new(s.Select(c => char.IsSurrogate(c) ? '\uFFFD' : c).ToArray());
}
