using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samraad.Documents.Pdf;
using Samraad.Features.Contracts;
using Samraad.Features.Meetings;
using Samraad.Features.Pools;
using Xunit.Abstractions;

namespace Samraad.IntegrationTests;

/// <summary>
/// The access matrix: every route of the running app (its <see cref="EndpointDataSource"/>) × every role, each answer
/// checked against the one rule declared for the route below. A route without a rule fails, and so does a rule for
/// a route that is gone, so a new endpoint cannot reach production without someone saying who may use it.
/// The rules are the security model (README: Security, First login), not what the code happens to do.
/// </summary>
public partial class AccessMatrixTests(ITestOutputHelper output)
{
    public enum Role { Anonymous, Admin, OwnerSecretariat, OtherKkrSecretariat, AgencyCaseworker, Reader, OtherBodyReader, OwnMunicipality, OwnLocalAdmin, OtherMunicipality, Partner }

    /// <summary>
    /// Allowed: past the access check (2xx, a redirect that is not to the log-in page, or 400/409 for a write whose
    /// body is refused); Denied: 403 or 404; Challenge: an anonymous user sent to log in (401 under /api, 302 to /log-ind).
    /// </summary>
    public enum Verdict { Allowed, Denied, Challenge, Unexpected }

    /// <summary>The accounts the matrix signs in as (user name, role, organisation acted for).</summary>
    static readonly Dictionary<Role, (string User, string AppRole, string? Org, string Label)> Accounts = new()
    {
        [Role.Admin] = ("m-admin", Roles.Admin, null, "admin"),
        [Role.OwnerSecretariat] = ("m-sek", Roles.Secretariat, "kkr-sjaelland", "owner secretariat (kkr-sjaelland)"),
        [Role.OtherKkrSecretariat] = ("m-sek-hovedstaden", Roles.Secretariat, "kkr-hovedstaden", "other KKR's secretariat (kkr-hovedstaden)"),
        [Role.AgencyCaseworker] = ("m-ism", Roles.Secretariat, "indenrigs-og-sundhedsministeriet", "agency caseworker (indenrigs-og-sundhedsministeriet)"),
        [Role.Reader] = ("m-laeser", Roles.Reader, "kkr-sjaelland", "reader of the body (kkr-sjaelland)"),
        [Role.OtherBodyReader] = ("m-laeser-hovedstaden", Roles.Reader, "kkr-hovedstaden", "reader of another body (kkr-hovedstaden)"),
        [Role.OwnMunicipality] = ("m-faxe", Roles.Respondent, "faxe", "own municipality (faxe)"),
        [Role.OwnLocalAdmin] = ("m-faxe-admin", Roles.LocalAdmin, "faxe", "own municipality's local administrator (faxe)"),
        [Role.OtherMunicipality] = ("m-koebenhavn", Roles.Respondent, "koebenhavn", "other municipality (koebenhavn)"),
        [Role.Partner] = ("m-erhvervshus", Roles.Respondent, "erhvervshus-sjaelland", "partner (erhvervshus-sjaelland)"),
    };

    static string Label(Role role) => role == Role.Anonymous ? "anonymous" : Accounts[role].Label;

    // ---- The rules: who gets past the check. Everyone else signed in is Denied; anonymous is sent to log in. ----

    public sealed record Rule(string Name, IReadOnlySet<Role> Allowed, Verdict Anonymous = Verdict.Challenge)
    {
        public Verdict Expect(Role role) => Allowed.Contains(role) ? Verdict.Allowed : role == Role.Anonymous ? Anonymous : Verdict.Denied;
    }

    /// <summary>A local administrator answers for its municipality as a respondent does: wherever the municipality may act, so may it.</summary>
    static Rule Only(string name, params Role[] allowed) =>
        new(name, (allowed.Contains(Role.OwnMunicipality) ? allowed.Append(Role.OwnLocalAdmin) : allowed).ToHashSet());

    static readonly Role[] Everybody = Enum.GetValues<Role>();
    static readonly Rule Public = new("Public", Everybody.ToHashSet(), Verdict.Allowed);
    static readonly Rule SignedIn = Only("SignedIn", [.. Everybody.Where(r => r != Role.Anonymous)]);
    static readonly Rule Administrator = Only("Administrator", Role.Admin);
    /// <summary>KKR Sjælland's secretariat (the owner of the collection, key figures, surveys, meeting, contract) and the admin.</summary>
    static readonly Rule OwnerAdmin = Only("OwnerAdmin", Role.Admin, Role.OwnerSecretariat);
    /// <summary>Anyone working in a secretariat (KKR or agency) and the admin: they may start a collection of their own.</summary>
    static readonly Rule Secretariats = Only("Secretariats", Role.Admin, Role.OwnerSecretariat, Role.OtherKkrSecretariat, Role.AgencyCaseworker);
    /// <summary>Summaries, key figures and surveys: the owner and its body's readers (a reader of another body reads nothing of it).</summary>
    static readonly Rule SummaryReaders = Only("SummaryReaders", Role.Admin, Role.OwnerSecretariat, Role.Reader);
    /// <summary>The collection itself: those who read its summary, and its respondents.</summary>
    static readonly Rule CollectionSeers = Only("CollectionSeers", Role.Admin, Role.OwnerSecretariat, Role.Reader, Role.OwnMunicipality);
    /// <summary>Faxe's response: the owner's secretariat and Faxe itself; no reader, no other municipality.</summary>
    static readonly Rule ResponseSeers = Only("ResponseSeers", Role.Admin, Role.OwnerSecretariat, Role.OwnMunicipality);
    /// <summary>Only the respondent itself writes its answers (not even the admin).</summary>
    static readonly Rule RespondentOwn = Only("RespondentOwn", Role.OwnMunicipality);
    /// <summary>The loan pool is national: every municipality applies (for itself), no partner, KKR or agency does.</summary>
    static readonly Rule Municipalities = Only("Municipalities", Role.OwnMunicipality, Role.OtherMunicipality);
    /// <summary>The loan pool is the ministry's: its caseworker administers it, KKR does not.</summary>
    static readonly Rule PoolCaseworker = Only("PoolCaseworker", Role.Admin, Role.AgencyCaseworker);
    /// <summary>Faxe's own application, documentation and decision letter: the pool's caseworker and Faxe.</summary>
    static readonly Rule PoolApplicantOwn = Only("PoolApplicantOwn", Role.Admin, Role.AgencyCaseworker, Role.OwnMunicipality);
    /// <summary>The performance contract: KKR Sjælland's secretariat, the hub it is with, the admin (README: Performance contract).</summary>
    static readonly Rule Hub = Only("Hub", Role.Admin, Role.OwnerSecretariat, Role.Partner);
    /// <summary>What holds a closed agenda item: the body's secretariat and its members (readers of the body).</summary>
    static readonly Rule ClosedItemMembers = Only("ClosedItemMembers", Role.Admin, Role.OwnerSecretariat, Role.Reader);
    /// <summary>A task owned by Faxe: the meeting's secretariat or the owning organisation closes it.</summary>
    static readonly Rule TaskOwner = Only("TaskOwner", Role.Admin, Role.OwnerSecretariat, Role.OwnMunicipality);
    /// <summary>A public address whose document does not exist yet (minutes not approved): the secretariat's draft, 404 for the rest.</summary>
    static readonly Rule DraftForSecretariat = new("DraftForSecretariat", new HashSet<Role> { Role.Admin, Role.OwnerSecretariat }, Verdict.Denied);
    /// <summary>Nobody gets it by this address (it exists for no one there, or belongs to another route).</summary>
    static readonly Rule FaxeUserSeers = new("FaxeUserSeers", new HashSet<Role> { Role.Admin, Role.OwnerSecretariat, Role.AgencyCaseworker, Role.OwnLocalAdmin });
    static readonly Rule FaxeUserManagers = new("FaxeUserManagers", new HashSet<Role> { Role.Admin, Role.OwnLocalAdmin });
    static readonly Rule Nobody = Only("Nobody");
    static readonly Rule NobodyNotEvenAPublicPage = Nobody with { Name = "NobodyNotEvenAPublicPage", Anonymous = Verdict.Denied };

    // ---- How a request is sent ----

    public enum Phase { Normal, Late, Last }

    /// <summary>A request body, given the seeded values and the client's antiforgery token.</summary>
    public delegate HttpContent Body(Seed seed, string token);

    public sealed record Row(string Route, Rule Rule, Func<Seed, string> Url)
    {
        public Body? Body { get; init; }
        /// <summary>Late rows change state other rows rely on (held meeting), Last rows end sessions; each runs in table order.</summary>
        public Phase Phase { get; init; }
        /// <summary>A status that is this route's own success (the error page answers with the code it shows).</summary>
        public int? AllowedStatus { get; init; }
        /// <summary>Runs before each role's request (a fresh attachment to remove, the task to close open again).</summary>
        public Func<Seed, Task>? Before { get; init; }
        /// <summary>Signs each role in again on a new client (log-out ends the session on the server).</summary>
        public bool Fresh { get; init; }
    }

    static Row R(string route, Rule rule, string url, Body? body = null, Phase phase = Phase.Normal) => new(route, rule, _ => url) { Body = body, Phase = phase };
    static Row R(string route, Rule rule, Func<Seed, string> url, Body? body = null) => new(route, rule, url) { Body = body };

    static Body Form(params (string Key, string Value)[] fields) => (_, token) => FormContent(token, fields);
    static Body Form(Func<Seed, (string Key, string Value)[]> fields) => (seed, token) => FormContent(token, fields(seed));
    static FormUrlEncodedContent FormContent(string token, IEnumerable<(string Key, string Value)> fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));
    static Body Json(string json) => (_, _) => new StringContent(json, Encoding.UTF8, "application/json");
    /// <summary>A file that is not a PDF: the upload reaches the access and window checks, and is never stored.</summary>
    static readonly Body NotAPdf = (_, token) => new MultipartFormDataContent
    {
        { new StringContent(token), "__RequestVerificationToken" },
        { new StringContent("Matrix"), "title" },
        { new ByteArrayContent(Encoding.UTF8.GetBytes("Dette er ikke en PDF")), "file", "matrix.pdf" },
    };

    /// <summary>A form spreadsheet that is not one: the upload reaches the access check, and is refused (400) after it.</summary>
    static readonly Body NotASheet = (_, token) => new MultipartFormDataContent
    {
        { new StringContent(token), "__RequestVerificationToken" },
        { new ByteArrayContent(Encoding.UTF8.GetBytes("Dette er ikke et regneark")), "sheet", "skema.xlsx" },
    };

    const string AcuteCare = "/indsamlinger/akutfunktioner-2024", AcuteCareApi = "/api/collections/akutfunktioner-2024";
    const string FaxeResponse = AcuteCare + "/besvarelser/faxe", FaxeResponseApi = AcuteCareApi + "/responses/faxe";
    const string LoanPool = "/puljer/laanepulje-botilbud-2025-26", LoanPoolApi = "/api/pools/laanepulje-botilbud-2025-26";
    const string TheContract = "/kontrakter/resultatkontrakt-2024-erhvervshus-sjaelland";
    const string Kofoedsminde = "/noegletal/kofoedsminde-noegletal", KofoedsmindeApi = "/api/indicators/kofoedsminde-noegletal";
    const string ClusterSurvey = "/undersoegelser/klyngedeltagersurvey", ClusterSurveyApi = "/api/surveys/klyngedeltagersurvey";
    const string TheMeeting = "/moeder/" + MeetingTests.Slug;
    const string Answers = """{"answers":{}}""";

    /// <summary>Every route, once, with its rule and a request that reaches the route's access check.</summary>
    static readonly Row[] Table =
    [
        // Sign-in: open to all; a signed-in user posting an empty log-in form just gets the form again.
        R("GET /log-ind", Public, "/log-ind"),
        R("POST /log-ind", Public, "/log-ind", Form()),
        R("POST /api/session", Public, "/api/session", Json("{}")),
        new("DELETE /api/session", Public, _ => "/api/session") { Phase = Phase.Last, Fresh = true },
        new("POST /log-ud", Public, _ => "/log-ud") { Body = Form(), Phase = Phase.Last, Fresh = true, AllowedStatus = 302 },
        R("GET /openapi/{documentName}.json", Public, "/openapi/v1.json"),
        new("ANY /fejl/{code:int}", Public, _ => "/fejl/413") { AllowedStatus = 413 },
        R("GET /soeg", Public, "/soeg?q=botilbud"),
        R("ANY /healthz", Public, "/healthz"),
        R("ANY /readyz", Public, "/readyz"),
        R("GET /api/search", SignedIn, "/api/search?q=botilbud"),

        // Reference data is public information for everyone signed in; only the admin imports it.
        R("GET /referencedata", SignedIn, "/referencedata"),
        R("GET /referencedata/kommuner.csv", SignedIn, "/referencedata/kommuner.csv"),
        R("GET /referencedata/organisationer.csv", SignedIn, "/referencedata/organisationer.csv"),
        R("POST /referencedata/import", Administrator, "/referencedata/import", Form()),
        R("GET /pakker", Administrator, "/pakker"),
        R("GET /brugere/to-faktor", Administrator, "/brugere/to-faktor"),
        R("POST /brugere/to-faktor", Administrator, "/brugere/to-faktor", Form(("roles", "ingen-rolle"))),
        R("GET /api/settings/two-factor", Administrator, "/api/settings/two-factor"),
        R("PUT /api/settings/two-factor", Administrator, "/api/settings/two-factor", Json("""{"requiredRoles":["ingen-rolle"]}""")),
        R("GET /api/reference/organisations", SignedIn, "/api/reference/organisations"),

        // Collections (KKR Sjælland's acute-care collection; Faxe is one of its respondents).
        R("GET /", SignedIn, "/"),
        R("GET /indsamlinger/{slug}", CollectionSeers, AcuteCare),
        R("POST /indsamlinger/{slug}/frist", OwnerAdmin, AcuteCare + "/frist", Form()),
        R("GET /indsamlinger/ny", Secretariats, "/indsamlinger/ny"),
        R("POST /indsamlinger/ny", Secretariats, "/indsamlinger/ny", Form()),
        R("GET /indsamlinger/skabelon.xlsx", Secretariats, "/indsamlinger/skabelon.xlsx"),
        R("GET /indsamlinger/{slug}/oversigter", OwnerAdmin, AcuteCare + "/oversigter"),
        R("POST /indsamlinger/{slug}/oversigter/tabeller", OwnerAdmin, AcuteCare + "/oversigter/tabeller", Form(("tables", "ikke json"))),
        R("POST /indsamlinger/{slug}/oversigter/trykte-tal", OwnerAdmin, AcuteCare + "/oversigter/trykte-tal", Form(("action", "add"))),
        R("GET /indsamlinger/{slug}/oversigter/trykte-tal.csv", OwnerAdmin, AcuteCare + "/oversigter/trykte-tal.csv"),
        R("GET /indsamlinger/{slug}/skema.xlsx", OwnerAdmin, AcuteCare + "/skema.xlsx"),
        R("POST /indsamlinger/{slug}/skema/regneark", OwnerAdmin, AcuteCare + "/skema/regneark", NotASheet),
        R("POST /indsamlinger/{slug}/status", OwnerAdmin, AcuteCare + "/status", Form(("action", "ingen"))),
        R("POST /indsamlinger/{slug}/pakke", OwnerAdmin, AcuteCare + "/pakke", Form(("action", "keep"))),
        R("GET /indsamlinger/{slug}/skema", OwnerAdmin, AcuteCare + "/skema"),
        R("POST /indsamlinger/{slug}/skema", OwnerAdmin, AcuteCare + "/skema", Form(("action", "ingen"))),
        R("GET /indsamlinger/{slug}/skema/afsnit/{section}", OwnerAdmin, AcuteCare + "/skema/afsnit/iv"),
        R("POST /indsamlinger/{slug}/skema/afsnit/{section}", OwnerAdmin, AcuteCare + "/skema/afsnit/iv", Form(("sectionTitle", ""))),
        R("GET /indsamlinger/{slug}/skema/felter/ny", OwnerAdmin, AcuteCare + "/skema/felter/ny?afsnit=iv"),
        R("POST /indsamlinger/{slug}/skema/felter/ny", OwnerAdmin, AcuteCare + "/skema/felter/ny?afsnit=iv", Form(("label", ""))),
        R("GET /indsamlinger/{slug}/skema/felter/{field}", OwnerAdmin, AcuteCare + "/skema/felter/iv.udfoeres"),
        R("POST /indsamlinger/{slug}/skema/felter/{field}", OwnerAdmin, AcuteCare + "/skema/felter/iv.udfoeres", Form(("label", ""))),
        R("GET /indsamlinger/{slug}/skema/vis", OwnerAdmin, AcuteCare + "/skema/vis?som=faxe"),
        R("GET /indsamlinger/{slug}/skema/skalaer", OwnerAdmin, AcuteCare + "/skema/skalaer"),
        R("POST /indsamlinger/{slug}/skema/skalaer", OwnerAdmin, AcuteCare + "/skema/skalaer", Form(("action", "ingen"))),
        R("POST /indsamlinger/{slug}/oplysninger", OwnerAdmin, AcuteCare + "/oplysninger", Form(("title", ""))),
        R("GET /indsamlinger/{slug}/respondenter", OwnerAdmin, AcuteCare + "/respondenter"),
        R("POST /indsamlinger/{slug}/respondenter", OwnerAdmin, AcuteCare + "/respondenter", Form()),
        R("GET /indsamlinger/{slug}/respondenter/{org}/frist", OwnerAdmin, AcuteCare + "/respondenter/faxe/frist"),
        R("POST /indsamlinger/{slug}/respondenter/{org}/frist", OwnerAdmin, AcuteCare + "/respondenter/faxe/frist", Form(("deadline", "snart"))),
        R("GET /indsamlinger/{slug}/sammendrag", SummaryReaders, AcuteCare + "/sammendrag"),
        R("GET /indsamlinger/{slug}/matrix", SummaryReaders, AcuteCare + "/matrix"),
        R("GET /indsamlinger/{slug}/log", OwnerAdmin, AcuteCare + "/log"),
        R("GET /indsamlinger/{slug}/eksport.{format}", OwnerAdmin, AcuteCare + "/eksport.csv"),
        R("GET /indsamlinger/{slug}/besvarelser/{org}", ResponseSeers, FaxeResponse),
        R("POST /indsamlinger/{slug}/besvarelser/{org}", RespondentOwn, FaxeResponse, Form(("action", "save"))),
        R("GET /indsamlinger/{slug}/besvarelser/{org}/vis", ResponseSeers, FaxeResponse + "/vis"),
        R("GET /indsamlinger/{slug}/besvarelser/{org}/kvittering", ResponseSeers, FaxeResponse + "/kvittering"),
        R("GET /kvitteringer/{number}", ResponseSeers, s => "/kvitteringer/" + s.Receipt),
        R("GET /kvitteringer/{number}.pdf", ResponseSeers, s => $"/kvitteringer/{s.Receipt}.pdf"),
        R("POST /indsamlinger/{slug}/besvarelser/{org}/genaabn", OwnerAdmin, FaxeResponse + "/genaabn", Form()),
        R("POST /indsamlinger/{slug}/besvarelser/{org}/anmod-om-genaabning", RespondentOwn, FaxeResponse + "/anmod-om-genaabning", Form()),
        R("GET /indsamlinger/{slug}/besvarelser/{org}/log", OwnerAdmin, FaxeResponse + "/log"),
        R("GET /api/collections", SignedIn, "/api/collections"),
        R("GET /api/collections/{slug}", CollectionSeers, AcuteCareApi),
        R("GET /api/collections/{slug}/responses/{org}", ResponseSeers, FaxeResponseApi),
        R("PUT /api/collections/{slug}/responses/{org}", RespondentOwn, FaxeResponseApi, Json(Answers)),
        R("POST /api/collections/{slug}/responses/{org}/submit", RespondentOwn, FaxeResponseApi + "/submit", Json(Answers)),
        R("POST /api/collections/{slug}/responses/{org}/reopen", OwnerAdmin, FaxeResponseApi + "/reopen", Json("{}")),
        R("POST /api/collections/{slug}/responses/{org}/reopen-request", RespondentOwn, FaxeResponseApi + "/reopen-request", Json("{}")),
        R("POST /api/collections", Secretariats, "/api/collections", Json("{}")),
        R("POST /api/collections/from-xlsform", Secretariats, "/api/collections/from-xlsform", NotASheet),
        R("POST /api/collections/from-pack", Secretariats, "/api/collections/from-pack", NotASheet),
        R("GET /api/collections/{slug}/form.xlsx", OwnerAdmin, AcuteCareApi + "/form.xlsx"),
        R("PUT /api/collections/{slug}/form", OwnerAdmin, AcuteCareApi + "/form", NotASheet),
        R("POST /api/collections/{slug}/status", OwnerAdmin, AcuteCareApi + "/status", Json("""{"action":"ingen"}""")),
        R("POST /api/collections/{slug}/respondents", OwnerAdmin, AcuteCareApi + "/respondents", Json("{}")),
        // An organisation that is no respondent: past the check the answer is 404 ("not a respondent"); denied roles get 403 before it.
        new("DELETE /api/collections/{slug}/respondents/{org}", OwnerAdmin, _ => AcuteCareApi + "/respondents/findes-ikke") { AllowedStatus = 404 },
        R("PUT /api/collections/{slug}/respondents/{org}/deadline", OwnerAdmin, AcuteCareApi + "/respondents/faxe/deadline", Json("""{"deadline":"snart"}""")),
        R("GET /api/collections/{slug}/summary", SummaryReaders, AcuteCareApi + "/summary"),
        R("GET /api/collections/{slug}/matrix", SummaryReaders, AcuteCareApi + "/matrix"),
        R("GET /api/collections/{slug}/export", OwnerAdmin, AcuteCareApi + "/export?format=csv"),
        R("GET /api/collections/{slug}/audit", OwnerAdmin, AcuteCareApi + "/audit"),
        R("POST /indsamlinger/{slug}/paamindelser", OwnerAdmin, AcuteCare + "/paamindelser", Form(("action", "save"), ("reminderDays", "ikke tal"))),
        R("GET /indsamlinger/{slug}/beskeder", OwnerAdmin, AcuteCare + "/beskeder"),
        R("POST /api/collections/{slug}/reminders", OwnerAdmin, AcuteCareApi + "/reminders", Json("{}")),
        R("PUT /api/collections/{slug}/reminder-days", OwnerAdmin, AcuteCareApi + "/reminder-days", Json("""{"days":"ikke tal"}""")),
        R("GET /api/collections/{slug}/messages", OwnerAdmin, AcuteCareApi + "/messages"),

        // The loan pool: public information for everyone signed in; applications are the ministry's caseworker's.
        R("GET /puljer", SignedIn, "/puljer"),
        R("GET /konto", SignedIn, "/konto"),
        R("POST /konto/adgangskode", SignedIn, "/konto/adgangskode", Form()),
        R("POST /api/account/password", SignedIn, "/api/account/password", Json("{}")),
        R("GET /konto/to-faktor", SignedIn, "/konto/to-faktor"),
        R("POST /konto/to-faktor", SignedIn, "/konto/to-faktor", Form(("action", "ingen"))),
        // The second step of log-in needs the first (a right password): without it, everyone is sent back to log in.
        new("GET /log-ind/to-faktor", Public, _ => "/log-ind/to-faktor") { AllowedStatus = 302 },
        new("POST /log-ind/to-faktor", Public, _ => "/log-ind/to-faktor") { Body = Form(("code", "000000")), AllowedStatus = 302 },
        R("POST /konto/beskeder", SignedIn, "/konto/beskeder", Form(("reminders", "true"), ("notices", "true"))),
        R("PUT /api/account/notifications", SignedIn, "/api/account/notifications", Json("{}")),

        // Users: Faxe's are managed by the admin and Faxe's local administrator; KKR Sjælland's secretariat (whose
        // collections Faxe answers) and the ministry (whose pool it applies to) see them and invite, but do not change them.
        R("GET /brugere", SignedIn, "/brugere"),
        R("POST /brugere/inviter", FaxeUserSeers, "/brugere/inviter", Form(("organisation", "faxe"))),
        R("GET /brugere/{id}", FaxeUserSeers, s => "/brugere/" + s.FaxeColleague),
        R("POST /brugere/{id}/rolle", FaxeUserManagers, s => $"/brugere/{s.FaxeColleague}/rolle", Form(("role", "ingen"))),
        R("POST /brugere/{id}/deaktiver", FaxeUserManagers, s => $"/brugere/{s.FaxeColleague}/deaktiver", Form()),
        R("POST /brugere/{id}/genaktiver", FaxeUserManagers, s => $"/brugere/{s.FaxeColleague}/genaktiver", Form()),
        R("POST /brugere/{id}/invitation", FaxeUserSeers, s => $"/brugere/{s.FaxeInvited}/invitation", Form()),
        R("GET /api/organisations/{slug}/users", FaxeUserSeers, "/api/organisations/faxe/users"),
        R("POST /api/organisations/{slug}/users", FaxeUserSeers, "/api/organisations/faxe/users", Json("{}")),
        R("GET /api/users/{id}", FaxeUserSeers, s => "/api/users/" + s.FaxeColleague),
        R("PATCH /api/users/{id}", FaxeUserManagers, s => "/api/users/" + s.FaxeColleague, Json("""{"role":"ingen"}""")),
        R("POST /api/users/{id}/invitation", FaxeUserSeers, s => $"/api/users/{s.FaxeInvited}/invitation", Json("{}")),
        // The links of e-mails and Glemt adgangskode are for those not signed in: a made-up link is refused after any check.
        new("GET /invitation/{token}", Public, _ => "/invitation/opdigtet") { AllowedStatus = 404 },
        R("POST /invitation/{token}", Public, "/invitation/opdigtet", Form()),
        new("GET /nulstil-adgangskode/{token}", Public, _ => "/nulstil-adgangskode/opdigtet") { AllowedStatus = 404 },
        R("POST /nulstil-adgangskode/{token}", Public, "/nulstil-adgangskode/opdigtet", Form()),
        R("GET /glemt-adgangskode", Public, "/glemt-adgangskode"),
        // Single sign-on is open to all (it signs in); with no provider configured here, every key is unknown (SingleSignOnTests has the flow).
        new("GET /log-ind/sso/{key}", Public, _ => "/log-ind/sso/ukendt") { AllowedStatus = 404 },
        new("GET /log-ind/sso/{key}/retur", Public, _ => "/log-ind/sso/ukendt/retur") { AllowedStatus = 404 },
        new("POST /log-ind/sso/{key}", Public, _ => "/log-ind/sso/ukendt") { Body = Form(("invitation", "opdigtet")), AllowedStatus = 404 },
        R("POST /glemt-adgangskode", Public, "/glemt-adgangskode", Form()),
        R("POST /api/account/password-reset", Public, "/api/account/password-reset", Json("{}")),
        R("GET /puljer/{slug}", SignedIn, LoanPool),
        R("POST /puljer/{slug}/dokumenter", Municipalities, LoanPool + "/dokumenter", NotAPdf),
        R("GET /puljer/{slug}/dokumenter/{id:int}", PoolApplicantOwn, s => $"{LoanPool}/dokumenter/{s.PoolDocument}"),
        R("GET /puljer/{slug}/ansoegninger", PoolCaseworker, LoanPool + "/ansoegninger"),
        R("GET /puljer/{slug}/ansoegninger/{org}", PoolCaseworker, s => $"{LoanPool}/ansoegninger/{s.Applicant}"),
        R("POST /puljer/{slug}/ansoegninger/{org}/projekter/{index:int}", PoolCaseworker, s => $"{LoanPool}/ansoegninger/{s.Applicant}/projekter/1", Form()),
        R("GET /puljer/{slug}/fordeling", PoolCaseworker, LoanPool + "/fordeling"),
        R("GET /puljer/{slug}/fordeling.xlsx", PoolCaseworker, LoanPool + "/fordeling.xlsx"),
        R("POST /puljer/{slug}/afgoerelser", PoolCaseworker, LoanPool + "/afgoerelser", Form()),
        R("GET /puljer/{slug}/afgoerelser/{org}", PoolApplicantOwn, LoanPool + "/afgoerelser/faxe"),
        R("GET /api/pools", SignedIn, "/api/pools"),
        R("GET /api/pools/{slug}/applications", PoolCaseworker, LoanPoolApi + "/applications"),
        R("GET /api/pools/{slug}/allocation", PoolCaseworker, LoanPoolApi + "/allocation"),

        // The performance contract between KKR Sjælland and Erhvervshus Sjælland.
        R("GET /kontrakter", SignedIn, "/kontrakter"),
        R("GET /kontrakter/{slug}", Hub, TheContract),
        R("GET /kontrakter/{slug}/maal/{number:int}", Hub, TheContract + "/maal/8"),
        R("POST /kontrakter/{slug}/maal/{number:int}/status", OwnerAdmin, TheContract + "/maal/2/status", Form()),
        R("POST /kontrakter/{slug}/tal", Hub, TheContract + "/tal", Form()),
        R("GET /kontrakter/{slug}/import", Hub, TheContract + "/import"),
        R("POST /kontrakter/{slug}/import", Hub, TheContract + "/import", Form()),
        R("POST /kontrakter/{slug}/import/{id:int}/bekraeft", Hub, s => $"{TheContract}/import/{s.Import}/bekraeft", Form()),
        R("POST /kontrakter/{slug}/import/{id:int}/fortryd", Hub, s => $"{TheContract}/import/{s.Import}/fortryd", Form()),
        R("GET /kontrakter/{slug}/statusrapport.pdf", Hub, TheContract + "/statusrapport.pdf"),
        R("GET /kontrakter/{slug}/statusrapport.xlsx", Hub, TheContract + "/statusrapport.xlsx"),
        R("GET /api/contracts", SignedIn, "/api/contracts"),
        R("GET /api/contracts/{slug}", Hub, "/api/contracts/resultatkontrakt-2024-erhvervshus-sjaelland"),

        // Key figures of Kofoedsminde (KKR Sjælland's; reported by Region Sjælland, none of the roles here).
        R("GET /noegletal", SignedIn, "/noegletal"),
        R("GET /noegletal/{slug}", SummaryReaders, Kofoedsminde),
        R("GET /noegletal/{slug}/indtast", OwnerAdmin, Kofoedsminde + "/indtast"),
        // A period that is no period: the figures are validated, never saved (a blank field would delete one).
        R("POST /noegletal/{slug}/indtast", OwnerAdmin, Kofoedsminde + "/indtast", Form(s => [("organisation", s.RegionSjaelland.ToString()), ("periode", "ingen")])),
        R("GET /noegletal/{slug}/beregning", SummaryReaders, Kofoedsminde + "/beregning"),
        R("GET /noegletal/{slug}/noegletal.csv", SummaryReaders, Kofoedsminde + "/noegletal.csv"),
        R("GET /noegletal/{slug}/noegletal.xlsx", SummaryReaders, Kofoedsminde + "/noegletal.xlsx"),
        R("GET /noegletal/{slug}/noegletal.pdf", SummaryReaders, Kofoedsminde + "/noegletal.pdf"),
        R("GET /api/indicators", SignedIn, "/api/indicators"),
        R("GET /api/indicators/{slug}", SummaryReaders, KofoedsmindeApi),
        R("GET /api/indicators/{slug}/summary", SummaryReaders, KofoedsmindeApi + "/summary"),

        // The cluster participants' survey (KKR Sjælland's).
        R("GET /undersoegelser", SignedIn, "/undersoegelser"),
        R("GET /undersoegelser/{slug}", SummaryReaders, ClusterSurvey),
        R("GET /undersoegelser/{slug}/indlaes", OwnerAdmin, ClusterSurvey + "/indlaes"),
        R("POST /undersoegelser/{slug}/indlaes", OwnerAdmin, ClusterSurvey + "/indlaes", Form()),
        R("GET /undersoegelser/{slug}/tabeller.csv", SummaryReaders, ClusterSurvey + "/tabeller.csv"),
        R("GET /undersoegelser/{slug}/tabeller.xlsx", SummaryReaders, ClusterSurvey + "/tabeller.xlsx"),
        R("GET /undersoegelser/{slug}/rapport.pdf", SummaryReaders, ClusterSurvey + "/rapport.pdf"),
        R("GET /api/surveys", SignedIn, "/api/surveys"),
        R("GET /api/surveys/{slug}", SummaryReaders, ClusterSurveyApi),
        R("GET /api/surveys/{slug}/pivot", SummaryReaders, ClusterSurveyApi + "/pivot?question=kendskab&split=region"),

        // The meeting (published, item 2.8 closed): its agenda for everyone signed in, the closed item for the body.
        R("GET /moeder", SignedIn, "/moeder"),
        R("GET /moeder/ny", OwnerAdmin, "/moeder/ny"),
        R("POST /moeder", OwnerAdmin, "/moeder", Form(("body", "kkr-sjaelland"))),
        R("GET /moeder/{slug}", SignedIn, TheMeeting), // the secretariat's page; everyone else is sent to the agenda
        R("GET /moeder/{slug}/dagsorden", SignedIn, TheMeeting + "/dagsorden"),
        R("GET /moeder/{slug}/bilag/{id:int}", ClosedItemMembers, s => $"{TheMeeting}/bilag/{s.ClosedAttachment}"),
        R("GET /moeder/{slug}/dagsorden.pdf", ClosedItemMembers, TheMeeting + "/dagsorden.pdf"),
        R("GET /moeder/{slug}/dagsorden/v{version:int}.pdf", ClosedItemMembers, TheMeeting + "/dagsorden/v1.pdf"),
        R("GET /filer/{id:int}", ClosedItemMembers, s => $"/filer/{s.ClosedFile}"),
        R("GET /moeder/{slug}/punkter/ny", OwnerAdmin, TheMeeting + "/punkter/ny"),
        R("POST /moeder/{slug}/punkter", OwnerAdmin, TheMeeting + "/punkter", Form()),
        R("GET /moeder/{slug}/punkter/{number}", OwnerAdmin, TheMeeting + "/punkter/2.3"),
        R("POST /moeder/{slug}/punkter/{number}", OwnerAdmin, TheMeeting + "/punkter/2.3", Form()),
        R("POST /moeder/{slug}/punkter/{number}/bilag", OwnerAdmin, TheMeeting + "/punkter/2.3/bilag", Form()),
        R("POST /moeder/{slug}/punkter/{number}/bilag/levende", OwnerAdmin, TheMeeting + "/punkter/2.3/bilag/levende", Form()),
        new("POST /moeder/{slug}/punkter/{number}/bilag/{id:int}/fjern", OwnerAdmin, s => $"{TheMeeting}/punkter/2.3/bilag/{s.FreshAttachment}/fjern")
            { Body = Form(), Before = s => s.AddAttachment() },
        R("GET /moeder/{slug}/referat", OwnerAdmin, TheMeeting + "/referat"),
        R("GET /moeder/{slug}/beskeder", OwnerAdmin, TheMeeting + "/beskeder"),
        R("GET /api/meetings/{slug}/messages", OwnerAdmin, $"/api/meetings/{MeetingTests.Slug}/messages"),
        R("POST /moeder/{slug}/referat", OwnerAdmin, TheMeeting + "/referat", Form()),
        R("POST /moeder/{slug}/referat/opgaver", OwnerAdmin, TheMeeting + "/referat/opgaver", Form()),
        R("POST /moeder/{slug}/referat/fremmoede", OwnerAdmin, TheMeeting + "/referat/fremmoede", Form()),
        R("POST /moeder/{slug}/referat/punkter/{number}", OwnerAdmin, TheMeeting + "/referat/punkter/2.3", Form()),
        R("POST /moeder/{slug}/referat/punkter/{number}/opgaver", OwnerAdmin, TheMeeting + "/referat/punkter/2.3/opgaver", Form()),
        R("POST /moeder/{slug}/referat/tillaeg", OwnerAdmin, TheMeeting + "/referat/tillaeg", Form()),
        R("GET /moeder/{slug}/referat.pdf", DraftForSecretariat, TheMeeting + "/referat.pdf"),
        // Held, then nothing more to publish: publishing again is refused (409) instead of rendering a new packet.
        R("POST /moeder/{slug}/referat/afholdt", OwnerAdmin, TheMeeting + "/referat/afholdt", Form(), Phase.Late),
        R("POST /moeder/{slug}/referat/godkend", OwnerAdmin, TheMeeting + "/referat/godkend", Form(), Phase.Late),
        R("POST /moeder/{slug}/offentliggoer", OwnerAdmin, TheMeeting + "/offentliggoer", Form(), Phase.Late),
        R("GET /moeder/{slug}/offentliggoerelse/{id:long}", OwnerAdmin, s => $"{TheMeeting}/offentliggoerelse/{s.PublishJob}"),
        R("GET /offentlig", Public, "/offentlig"),
        R("GET /offentlig/moeder/{slug}", Public, "/offentlig/moeder/" + MeetingTests.Slug),
        R("GET /offentlig/kalender/{body}.ics", Public, "/offentlig/kalender/kkr-sjaelland.ics"),
        R("GET /opgaver", SignedIn, "/opgaver"),
        new("POST /opgaver/{id:int}/luk", TaskOwner, s => $"/opgaver/{s.FaxeTask}/luk") { Body = Form(), Before = s => s.ReopenTasks() },
        R("GET /api/meetings", SignedIn, "/api/meetings"),
        R("GET /api/meetings/{slug}", SignedIn, "/api/meetings/" + MeetingTests.Slug),
        R("GET /api/tasks", SignedIn, "/api/tasks"),
    ];

    /// <summary>More requests to routes already in the table, for data the one sample above does not reach.</summary>
    static readonly Row[] AlsoChecked =
    [
        R("GET /brugere (Faxe's users)", FaxeUserSeers, "/brugere?organisation=faxe"),
        // Another municipality's response (Greve, also KKR Sjælland's): only the secretariat.
        R("GET /indsamlinger/{slug}/besvarelser/{org} (Greve's)", OwnerAdmin, AcuteCare + "/besvarelser/greve"),
        R("GET /api/collections/{slug}/responses/{org} (Greve's)", OwnerAdmin, AcuteCareApi + "/responses/greve"),
        // The pool's application form is a collection owned by the ministry: KKR's secretariat and members read none of it.
        R("GET /api/collections/{slug}/responses/{org} (Faxe's loan application)", PoolApplicantOwn, "/api/collections/laanepulje-botilbud-2025-26/responses/faxe"),
        R("GET /api/collections/{slug}/matrix (the loan applications)", PoolCaseworker, "/api/collections/laanepulje-botilbud-2025-26/matrix"),
        // An open item's attachment in the published agenda is public.
        R("GET /filer/{id:int} (an open item's attachment)", Public, s => $"/filer/{s.OpenFile}"),
        // What the secretariat adds after publishing is its draft until it publishes again (issue 12, point 5).
        R("GET /filer/{id:int} (an attachment added after publishing)", OwnerAdmin, s => $"/filer/{s.DraftFile}"),
        R("GET /moeder/{slug}/bilag/{id:int} (an attachment added after publishing)", OwnerAdmin, s => $"{TheMeeting}/bilag/{s.DraftAttachment}"),
        // A meeting never published exists only for its secretariat; the public page is a 404 even for the secretariat.
        R("GET /moeder/{slug}/dagsorden (a draft meeting)", OwnerAdmin, s => $"/moeder/{s.DraftMeeting}/dagsorden"),
        R("GET /api/meetings/{slug} (a draft meeting)", OwnerAdmin, s => $"/api/meetings/{s.DraftMeeting}"),
        R("GET /offentlig/moeder/{slug} (a draft meeting)", NobodyNotEvenAPublicPage, s => $"/offentlig/moeder/{s.DraftMeeting}"),
        // A file that is no meeting's (Faxe's decision letter) does not open by the meetings' file address, however its id is guessed.
        R("GET /filer/{id:int} (a pool decision letter)", Nobody, s => $"/filer/{s.LetterFile}"),
        // A task owned by KKR Sjælland itself: its secretariat closes it; a council member reads it but does not act for KKR.
        new("POST /opgaver/{id:int}/luk (a task owned by KKR Sjælland)", OwnerAdmin, s => $"/opgaver/{s.KkrTask}/luk") { Body = Form(), Before = s => s.ReopenTasks() },
    ];

    /// <summary>The app's own list of routes: "METHOD /pattern" per method ("ANY" where the endpoint takes every method).</summary>
    static List<string> Endpoints(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["ANY"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.Trim('/')}")) // a group's "" route ends in "/": "/puljer/" is "/puljer"
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_route_answers_every_role_as_its_declared_rule_says(Db db)
    {
        var watch = Stopwatch.StartNew();
        // Every role signs in several times and posts the log-in and reset forms: more than a person's 60 a minute.
        await using var app = TestApp.Start(db, settings: new Dictionary<string, string> { ["Samraad:LoginsPerMinute"] = "1000" });
        var failures = new List<string>();

        var endpoints = Endpoints(app);
        var declared = Table.Select(r => r.Route).ToList();
        failures.AddRange(endpoints.Except(declared).Select(r => $"{r}: no rule declared in AccessMatrixTests.Table — say who may use it"));
        failures.AddRange(declared.Except(endpoints).Select(r => $"{r}: declared in AccessMatrixTests.Table, but the app has no such route"));
        failures.AddRange(declared.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{g.Key}: declared {g.Count()} times"));

        var seed = await Seed.Create(app);
        var seeded = watch.Elapsed;
        var requests = 0;
        output.WriteLine("Status per role, in the order " + string.Join(", ", Everybody) + "; ! where it breaks the rule:");
        foreach (var row in Table.Where(r => endpoints.Contains(r.Route)).Concat(AlsoChecked).OrderBy(r => r.Phase)) // OrderBy is stable
        {
            var codes = new List<string>();
            var started = watch.Elapsed;
            foreach (var role in Everybody)
            {
                if (row.Before is not null) await row.Before(seed);
                var (client, token) = row.Fresh ? await seed.SignInAgain(role) : seed.Clients[role];
                var method = row.Route.Split(' ')[0] is "ANY" ? "GET" : row.Route.Split(' ')[0];
                var url = row.Url(seed);
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = row.Body?.Invoke(seed, token) };
                using var response = await client.SendAsync(request);
                requests++;
                var got = await Classify(response, write: method != "GET", row.AllowedStatus);
                var expected = row.Rule.Expect(role);
                codes.Add($"{(int)response.StatusCode}{(got == expected ? ' ' : '!')}");
                if (got != expected)
                    failures.Add($"{row.Route} as {Label(role)}: expected {expected} (rule {row.Rule.Name}), got {(int)response.StatusCode} {got}" +
                        $"{(response.Headers.Location is { } to ? $" → {to}" : "")}  [{method} {url}]");
            }
            output.WriteLine($"{string.Join("", codes)} {row.Route}  ({row.Rule.Name}, {(watch.Elapsed - started).TotalMilliseconds:0} ms)");
        }
        output.WriteLine($"{db}: {endpoints.Count} routes, {Table.Length} rules, {requests} requests, {failures.Count} failures; " +
            $"app and seed {seeded.TotalSeconds:0.0} s, requests {(watch.Elapsed - seeded).TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"The access matrix is broken in {failures.Count} places ({requests} requests):\n" + string.Join("\n", failures));
    }

    static async Task<Verdict> Classify(HttpResponseMessage response, bool write, int? allowedStatus)
    {
        var code = (int)response.StatusCode;
        // A refused antiforgery token says nothing about access: the request never reached the check.
        if (code == 400 && (await response.Content.ReadAsStringAsync()).Contains("Formularen kunne ikke modtages")) return Verdict.Unexpected;
        if (code == allowedStatus) return Verdict.Allowed;
        if (code is >= 300 and < 400)
        {
            var to = response.Headers.Location?.OriginalString ?? "";
            return to.StartsWith("/log-ind", StringComparison.Ordinal) ? Verdict.Challenge
                : to.StartsWith("/fejl/403", StringComparison.Ordinal) ? Verdict.Denied : Verdict.Allowed;
        }
        return code switch
        {
            401 => Verdict.Challenge,
            403 or 404 => Verdict.Denied,
            >= 200 and < 300 => Verdict.Allowed,
            400 or 409 or 422 when write => Verdict.Allowed,
            _ => Verdict.Unexpected,
        };
    }

    /// <summary>The seeded data the requests name, the signed-in clients and their antiforgery tokens.</summary>
    public sealed partial class Seed
    {
        readonly TestApp app;
        Seed(TestApp app) => this.app = app;

        public Dictionary<Role, (HttpClient Client, string Token)> Clients { get; } = [];
        public string Receipt { get; private set; } = "";
        public string Applicant { get; private set; } = "";
        public int PoolDocument { get; private set; }
        public int Import { get; private set; }
        public int RegionSjaelland { get; private set; }
        public int ClosedAttachment { get; private set; }
        public int ClosedFile { get; private set; }
        public int OpenFile { get; private set; }
        public int FaxeTask { get; private set; }
        public int KkrTask { get; private set; }
        public int FreshAttachment { get; private set; }
        public int DraftAttachment { get; private set; }
        public int DraftFile { get; private set; }
        public int LetterFile { get; private set; }
        public string DraftMeeting { get; private set; } = "";
        /// <summary>The packet build of the seed's publishing (done: its status page sends on to the meeting).</summary>
        public long PublishJob { get; private set; }
        /// <summary>A colleague at Faxe (changed by the user rows) and one invited who has not chosen a password.</summary>
        public string FaxeColleague { get; private set; } = "";
        public string FaxeInvited { get; private set; } = "";

        public static async Task<Seed> Create(TestApp app)
        {
            var seed = new Seed(app);
            foreach (var (_, (user, role, org, _)) in Accounts) await app.CreateUser(user, role, org);
            await app.CreateUser("m-faxe-kollega", Roles.Respondent, "faxe");
            await app.WithDb(async d =>
            {
                var faxe = await d.Organisations.SingleAsync(o => o.Slug == "faxe");
                d.Users.Add(new Samraad.Auth.AppUser { UserName = "inviteret@faxe.dk", NormalizedUserName = "INVITERET@FAXE.DK", Email = "inviteret@faxe.dk",
                    NormalizedEmail = "INVITERET@FAXE.DK", FullName = "Inviteret", Role = Roles.Respondent, OrganisationId = faxe.Id, SecurityStamp = Guid.NewGuid().ToString() });
                await d.SaveChangesAsync();
                seed.FaxeColleague = await d.Users.Where(u => u.UserName == "m-faxe-kollega").Select(u => u.Id).SingleAsync();
                seed.FaxeInvited = await d.Users.Where(u => u.UserName == "inviteret@faxe.dk").Select(u => u.Id).SingleAsync();
                return 0;
            });
            var sek = await app.LoggedIn(Accounts[Role.OwnerSecretariat].User);

            // The meeting as members know it: item 2.8 closed (with its public summary), two follow-up tasks, published.
            var item = await app.WithDb(d => d.AgendaItems.FirstAsync(i => i.Meeting!.Slug == MeetingTests.Slug && i.Number == "2.8"));
            Assert.Equal(HttpStatusCode.Redirect, (await MeetingTests.SaveItem(sek, "2.8", new()
            {
                ["number"] = "2.8", ["title"] = item.Title, ["kind"] = item.Kind.ToString(), ["caseText"] = item.CaseText, ["recommendation"] = item.Recommendation,
                ["isClosed"] = "true", ["closedReason"] = "Forhandlingssag", ["publicSummary"] = "KKR drøftede skoletjenestens organisering.",
            })).StatusCode);
            foreach (var owner in new[] { "faxe", "kkr-sjaelland" })
                Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(TheMeeting + "/referat/punkter/2.3/opgaver", await TestApp.Form(sek, TheMeeting + "/referat",
                    new() { ["taskText"] = $"Matrixopgave til {owner}", ["taskOwner"] = owner, ["taskPerson"] = "", ["taskDue"] = "30-06-2024" }))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await MeetingTests.Publish(sek)).StatusCode);
            var created = await sek.PostAsync("/moeder", await TestApp.Form(sek, "/moeder/ny",
                new() { ["body"] = "kkr-sjaelland", ["title"] = "Matrixmøde", ["startsAt"] = "01-12-2026 10.00", ["place"] = "Køge" }));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            seed.DraftMeeting = created.Headers.Location!.OriginalString["/moeder/".Length..];

            var now = app.Clock.Now.UtcDateTime;
            await app.WithDb(async d =>
            {
                seed.Receipt = await d.Responses.Where(r => r.Collection!.Slug == "akutfunktioner-2024" && r.Organisation!.Slug == "faxe")
                    .Select(r => r.LatestReceipt!.Number).SingleAsync();
                seed.Applicant = await d.Responses.Where(r => r.Collection!.Slug == "laanepulje-botilbud-2025-26" && r.LatestReceiptId != null)
                    .OrderBy(r => r.Organisation!.MunicipalityCode).Select(r => r.Organisation!.Slug).FirstAsync();
                seed.RegionSjaelland = await d.Organisations.Where(o => o.Slug == "region-sjaelland").Select(o => o.Id).SingleAsync();
                seed.PublishJob = await d.Jobs.Where(j => j.Kind == "packet").Select(j => j.Id).SingleAsync();
                var closed = await d.Attachments.Where(a => a.AgendaItem!.Meeting!.Slug == MeetingTests.Slug && a.AgendaItem.Number == "2.8" && a.FileId != null).FirstAsync();
                (seed.ClosedAttachment, seed.ClosedFile) = (closed.Id, closed.FileId!.Value);
                seed.OpenFile = await d.Attachments.Where(a => a.AgendaItem!.Meeting!.Slug == MeetingTests.Slug && a.AgendaItem.Number == "2.3" && a.FileId != null)
                    .Select(a => a.FileId!.Value).FirstAsync();
                seed.FaxeTask = await d.Tasks.Where(t => t.OwnerOrganisation!.Slug == "faxe").Select(t => t.Id).SingleAsync();
                seed.KkrTask = await d.Tasks.Where(t => t.OwnerOrganisation!.Slug == "kkr-sjaelland").Select(t => t.Id).SingleAsync();

                // Faxe's documentation and decision letter in the pool, and an import of the contract already undone
                // (confirming or undoing it again is refused with 409 after the access check: nothing changes).
                var pool = await d.Pools.SingleAsync(p => p.Slug == "laanepulje-botilbud-2025-26");
                var faxe = await d.Organisations.SingleAsync(o => o.Slug == "faxe");
                var pdf = TextPdf.Create("Referat", "KKR drøftede projektet.");
                var document = new PoolDocument { PoolId = pool.Id, OrganisationId = faxe.Id, Title = "Matrix", File = StoredFile.Pdf("matrix.pdf", pdf, 1, null, now), UploadedAtUtc = now, UploadedBy = "matrix" };
                d.PoolDocuments.Add(document);
                var decision = new PoolDecision
                {
                    PoolId = pool.Id, OrganisationId = faxe.Id, Outcome = PoolOutcome.Afslag, Reasons = "Matrix", LetterHtml = "<p>Afslag</p>",
                    IssuedAtUtc = now, IssuedBy = "matrix", LetterFile = StoredFile.Pdf("afgoerelse-faxe.pdf", pdf, 1, null, now),
                };
                d.PoolDecisions.Add(decision);
                // An attachment uploaded to item 2.3 after publishing: the secretariat's draft.
                var item23 = await d.AgendaItems.SingleAsync(i => i.Meeting!.Slug == MeetingTests.Slug && i.Number == "2.3");
                var draft = new Attachment { AgendaItemId = item23.Id, Title = "Matrixudkast", Kind = AttachmentKind.Upload, SortOrder = 50, File = StoredFile.Pdf("udkast.pdf", pdf, 1, null, now) };
                d.Attachments.Add(draft);
                var contract = await d.Contracts.SingleAsync(c => c.Slug == "resultatkontrakt-2024-erhvervshus-sjaelland");
                var import = new ContractImport
                {
                    ContractId = contract.Id, Kind = ImportKind.Registrations, State = ImportState.Undone, FileName = "matrix.csv", UploadedAtUtc = now,
                    UploadedBy = "matrix", UndoneAtUtc = now, UndoneBy = "matrix",
                    File = new StoredFile { FileName = "matrix.csv", ContentType = "text/csv", Content = "sag_id\n"u8.ToArray(), Sha256 = StoredFile.Hash("sag_id\n"u8.ToArray()), CreatedAtUtc = now },
                };
                d.ContractImports.Add(import);
                await d.SaveChangesAsync();
                (seed.PoolDocument, seed.Import, seed.LetterFile) = (document.Id, import.Id, decision.LetterFileId);
                (seed.DraftAttachment, seed.DraftFile) = (draft.Id, draft.FileId!.Value);
                return 0;
            });

            var anonymous = app.Client();
            seed.Clients[Role.Anonymous] = (anonymous, await Token(anonymous));
            foreach (var role in Accounts.Keys) seed.Clients[role] = await seed.SignInAgain(role);
            return seed;
        }

        /// <summary>A new client for the role, signed in (anonymous: not), with its antiforgery token.</summary>
        public async Task<(HttpClient Client, string Token)> SignInAgain(Role role)
        {
            var client = role == Role.Anonymous ? app.Client() : await app.LoggedIn(Accounts[role].User);
            return (client, await Token(client));
        }

        static async Task<string> Token(HttpClient client) =>
            TokenField().Match(await client.GetStringAsync("/log-ind")).Groups[1].Value is { Length: > 0 } token ? token
                : throw new InvalidOperationException("No antiforgery token on /log-ind");

        [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")] private static partial Regex TokenField();

        /// <summary>Both follow-up tasks open again, so each role's request to close one meets an open task.</summary>
        public Task ReopenTasks() => app.WithDb(d => d.Tasks.ExecuteUpdateAsync(t => t.SetProperty(x => x.State, TaskState.Open)));

        /// <summary>A live attachment on item 2.3 (the secretariat's draft) for one request to remove.</summary>
        public async Task AddAttachment() => FreshAttachment = await app.WithDb(async d =>
        {
            var item = await d.AgendaItems.SingleAsync(i => i.Meeting!.Slug == MeetingTests.Slug && i.Number == "2.3");
            var attachment = new Attachment { AgendaItemId = item.Id, Title = "Matrix", Kind = AttachmentKind.Live, LiveSource = "collection-summary:akutfunktioner-2024", SortOrder = 99 };
            d.Attachments.Add(attachment);
            await d.SaveChangesAsync();
            return attachment.Id;
        });
    }
}
