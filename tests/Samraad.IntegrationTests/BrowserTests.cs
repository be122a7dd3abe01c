using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Samraad.IntegrationTests;

/// <summary>
/// The issue's story in Debian's Chromium, with JavaScript switched off (core flows must not need it),
/// and axe-core checking every page of the flow for WCAG 2.1 A/AA violations.
/// </summary>
[Trait("Speed", "Slow")]
public class BrowserTests(ITestOutputHelper output)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_municipality_corrects_and_submits_and_the_secretariat_sees_the_new_count(Db db)
    {
        await using var app = TestApp.Start(db, kestrel: true);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright, baseUrl);
        var violations = new List<string>();

        // The secretariat opens the window again and reopens Faxe's response.
        var sek = await NewPage(browser, baseUrl);
        await sek.GotoAsync("/log-ind");
        await Axe(sek, violations);
        await LogIn(sek, "sek");
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Link, new() { Name = "Akutfunktioner og forbeholdt virksomhedsområde for sygeplejersker" }).First.ClickAsync();
        await Axe(sek, violations);
        await sek.GetByLabel("Frist", new() { Exact = true }).FillAsync("15-12-2026 23.59");
        await sek.GetByLabel("Åbner").FillAsync("01-11-2026 08.00");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Gem åbning og frist" }).ClickAsync();
        await Expect(sek, "Åbning og frist er gemt.");
        await sek.GetByRole(AriaRole.Link, new() { Name = "Faxe Kommune" }).ClickAsync();
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Button, new() { Name = "Genåbn besvarelsen" }).ClickAsync();
        await Expect(sek, "Skriv hvorfor besvarelsen genåbnes");                  // error summary first
        await Axe(sek, violations);
        await sek.GetByLabel("Begrundelse").FillAsync("Faxe har meldt en rettelse om blodtransfusioner");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Genåbn besvarelsen" }).ClickAsync();
        await Expect(sek, "Besvarelsen er genåbnet.");

        // Faxe logs in, sees only Faxe, changes one answer, saves, previews, submits.
        var faxe = await NewPage(browser, baseUrl);
        await LogIn(faxe, "faxe-bruger");
        await Axe(faxe, violations);
        await faxe.GetByRole(AriaRole.Link, new() { Name = "Akutfunktioner og forbeholdt virksomhedsområde for sygeplejersker" }).First.ClickAsync();
        Assert.EndsWith("/besvarelser/faxe", faxe.Url);
        Assert.Contains("Faxe Kommune", await faxe.TextContentAsync("main"));
        Assert.DoesNotContain("Greve", await faxe.TextContentAsync("main"));
        await Axe(faxe, violations);

        var transfusion = faxe.GetByRole(AriaRole.Group, new() { Name = "Blodtransfusioner" });
        await transfusion.GetByRole(AriaRole.Group, new() { Name = "Udføres opgaven?" }).GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await transfusion.GetByRole(AriaRole.Group, new() { Name = "Er der en samarbejdsaftale?" }).GetByLabel("Ikke besvaret").CheckAsync();
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await Expect(faxe, "Kladden er gemt");

        // Submitting with a required answer missing: the error summary links to the field.
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Indsend" }).ClickAsync();
        Assert.StartsWith("Fejl:", await faxe.TitleAsync());
        await Axe(faxe, violations);
        await faxe.GetByRole(AriaRole.Link, new() { Name = "Vælg et svar til Blodtransfusioner: Er der en samarbejdsaftale?" }).ClickAsync();
        Assert.EndsWith("#f-blodtransfusioner-samarbejdsaftale", faxe.Url);
        await faxe.GetByRole(AriaRole.Group, new() { Name = "Blodtransfusioner" }).GetByRole(AriaRole.Group, new() { Name = "Er der en samarbejdsaftale?" })
            .GetByLabel("Nej", new() { Exact = true }).CheckAsync();

        await faxe.GetByRole(AriaRole.Button, new() { Name = "Gem og vis udskrift" }).ClickAsync();
        await Expect(faxe, "Dette er en kladde");
        await Axe(faxe, violations);
        await faxe.GetByRole(AriaRole.Link, new() { Name = "Tilbage til besvarelsen" }).ClickAsync();
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Indsend" }).ClickAsync();
        await Expect(faxe, "Besvarelsen er indsendt");
        var receipt = await faxe.TextContentAsync("main");
        Assert.Matches(@"Kvitteringsnummer\s*KV-2026-\d{6}", receipt);
        Assert.Contains("Faxe Kommune", receipt);
        await Axe(faxe, violations);

        // Faxe finds a mistake after submitting and asks the secretariat to reopen, with a reason.
        await faxe.GotoAsync(baseUrl + "/indsamlinger/akutfunktioner-2024/besvarelser/faxe");
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Anmod om genåbning" }).ClickAsync();
        await Expect(faxe, "Skriv hvad der skal rettes, og hvorfor");
        await Axe(faxe, violations);
        await faxe.GetByLabel("Hvad skal rettes, og hvorfor?").FillAsync("Samarbejdsaftalen om blodtransfusioner findes alligevel");
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Anmod om genåbning" }).ClickAsync();
        await Expect(faxe, "Anmodningen er sendt");
        await Axe(faxe, violations);
        await sek.GotoAsync(baseUrl + "/indsamlinger/akutfunktioner-2024");
        await sek.Locator("#anmodninger").GetByRole(AriaRole.Link, new() { Name = "Faxe Kommune" }).ClickAsync();
        await Expect(sek, "har anmodet om genåbning");
        await Axe(sek, violations);

        // The secretariat's summary now counts Faxe's transfusions, and the log shows the change.
        await sek.GotoAsync(baseUrl + "/indsamlinger/akutfunktioner-2024/sammendrag");
        var row = sek.GetByRole(AriaRole.Row).Filter(new() { HasText = "Blodtransfusioner" }).First;
        Assert.Contains("1/17", await row.TextContentAsync());
        await Axe(sek, violations);
        await sek.GotoAsync(baseUrl + "/indsamlinger/akutfunktioner-2024/matrix");
        await Axe(sek, violations);
        await sek.GotoAsync(baseUrl + "/indsamlinger/akutfunktioner-2024/log?respondent=faxe");
        Assert.Contains("Blodtransfusioner: Udføres opgaven?", await sek.TextContentAsync("main"));
        await Axe(sek, violations);
        await sek.GotoAsync(baseUrl + "/referencedata");
        await Axe(sek, violations);

        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_secretariat_publishes_the_demo_meeting_and_opens_the_packet(Db db)
    {
        await using var app = TestApp.Start(db, kestrel: true);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright, baseUrl);
        var violations = new List<string>();

        var sek = await NewPage(browser, baseUrl);
        await LogIn(sek, "sek");
        await sek.GetByRole(AriaRole.Link, new() { Name = "Møder", Exact = true }).ClickAsync();
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Link, new() { Name = "Møde i KKR Sjælland" }).ClickAsync();
        await Expect(sek, "Dagsordenen skulle være offentliggjort senest mandag den 8. april 2024");
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Link, new() { Name = "Kriterier og proces for ansøgning til lånepulje til udvidelse af den kommunale botilbudskapacitet for 2025 og 2026" }).ClickAsync();
        await Axe(sek, violations);
        await sek.GoBackAsync();
        await sek.GetByRole(AriaRole.Button, new() { Name = "Offentliggør dagsordenen" }).ClickAsync();
        await Expect(sek, "Dagsordenen er offentliggjort som version 1.");
        await Axe(sek, violations);

        // The packet: the link downloads the stored PDF; the web view is the accessible version of the same content.
        var download = await sek.RunAndWaitForDownloadAsync(() =>
            sek.GetByRole(AriaRole.Link, new() { Name = "Dagsorden som PDF (version 1)" }).ClickAsync());
        var path = await download.PathAsync();
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(path))
        {
            Assert.True(pdf.NumberOfPages > 100);
            Assert.Contains($"Side {pdf.NumberOfPages} af {pdf.NumberOfPages}", pdf.GetPage(pdf.NumberOfPages).Text);
        }
        await sek.GetByRole(AriaRole.Link, new() { Name = "Dagsorden og bilag (tilgængelig webudgave)" }).ClickAsync();
        await Expect(sek, "2.7 Beslutningssag: Ensartet ibrugtagning");
        await Axe(sek, violations);
        await sek.GotoAsync("/moeder/kkr-sjaelland-2024-04-12/referat");
        await Axe(sek, violations);
        await sek.GotoAsync("/soeg?q=l%C3%A5nepulje");
        await Expect(sek, "2.9 Orienteringssag");
        await Axe(sek, violations);
        await sek.GotoAsync("/opgaver");
        await Axe(sek, violations);
        var anonymous = await NewPage(browser, baseUrl);
        await anonymous.GotoAsync("/offentlig/moeder/kkr-sjaelland-2024-04-12");
        await Expect(anonymous, "Dagsorden version 1");
        await Axe(anonymous, violations);

        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_pool_pages_of_municipality_and_caseworker_pass_axe()
    {
        await using var session = await Start(("ism", Roles.Secretariat, "indenrigs-og-sundhedsministeriet"), ("kommune", Roles.Respondent, "faxe"));
        session.App.Clock.Now = new DateTimeOffset(2024, 5, 10, 10, 0, 0, TimeSpan.Zero);
        var violations = new List<string>();

        var kommune = await session.As("kommune");
        await kommune.GotoAsync("/puljer/laanepulje-botilbud-2025-26");
        await Axe(kommune, violations);
        await kommune.GotoAsync("/indsamlinger/laanepulje-botilbud-2025-26/besvarelser/faxe");
        await kommune.GetByLabel("Række 1: A. Projektnavn").FillAsync("Bofællesskab Faxe");
        await kommune.GetByLabel("Række 1: F. Andel af pladserne til rådighed for andre kommuner (pct)").FillAsync("120");
        await kommune.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        Assert.StartsWith("Fejl:", await kommune.TitleAsync());
        await Expect(kommune, "kan ikke være over 100 %");
        await Axe(kommune, violations);

        var ism = await session.As("ism");
        foreach (var url in new[] { "/puljer", "/puljer/laanepulje-botilbud-2025-26/ansoegninger", "/puljer/laanepulje-botilbud-2025-26/fordeling",
                     "/puljer/laanepulje-botilbud-2025-26/fordeling?budget2025=300000&budget2026=700000" })
        {
            await ism.GotoAsync(url);
            await Axe(ism, violations);
        }
        await ism.GotoAsync("/puljer/laanepulje-botilbud-2025-26/ansoegninger");
        await ism.Locator("tbody th a").First.ClickAsync();
        await Axe(ism, violations);

        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task On_a_phone_the_pool_form_stacks_per_project_and_file_fields_speak_Danish()
    {
        await using var session = await Start(("kommune", Roles.Respondent, "faxe"));
        session.App.Clock.Now = new DateTimeOffset(2024, 5, 10, 10, 0, 0, TimeSpan.Zero);
        var violations = new List<string>();
        var phone = await session.OnPhoneAs("kommune");

        await phone.GotoAsync("/indsamlinger/laanepulje-botilbud-2025-26/besvarelser/faxe");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");
        // Each project is a block under "Række N"; every input shows its own label and takes the width.
        var name = phone.GetByLabel("Række 2: A. Projektnavn");
        var label = phone.Locator($"label[for='{await name.GetAttributeAsync("id")}']");
        Assert.True(await label.IsVisibleAsync());
        Assert.EndsWith("A. Projektnavn", (await label.InnerTextAsync()).Trim());
        // "Række 2:" is for screen readers only: the row's heading says it on screen.
        Assert.True((await label.Locator(".cell-label-context").BoundingBoxAsync())!.Width <= 1);
        var (labelBox, inputBox) = (await label.BoundingBoxAsync(), await name.BoundingBoxAsync());
        Assert.True(inputBox!.Width > 250 && labelBox!.Y < inputBox.Y, $"input {inputBox.Width} px wide, label at {labelBox!.Y}, input at {inputBox.Y}");
        var region = phone.Locator(".grid-input").Last;
        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth <= r.clientWidth"), "the project table still scrolls sideways");
        await name.FillAsync("Bofællesskab Syd");
        await Axe(phone, violations);

        // The documentation upload: a Danish button and status instead of the browser's "Choose File".
        await phone.GotoAsync("/puljer/laanepulje-botilbud-2025-26");
        Assert.Equal("Vælg fil", await phone.Locator(".file-picker-button").InnerTextAsync());
        Assert.Equal("Ingen fil valgt", await phone.Locator(".file-picker-status").InnerTextAsync());
        await phone.GetByLabel("PDF-fil").SetInputFilesAsync(new FilePayload { Name = "referat.pdf", MimeType = "application/pdf", Buffer = Samraad.Documents.Pdf.TextPdf.Create("Referat", "Drøftet i KKR Sjælland.") });
        Assert.Equal("referat.pdf", await phone.Locator(".file-picker-status").InnerTextAsync());
        await phone.GetByRole(AriaRole.Button, new() { Name = "Upload dokumentation" }).ClickAsync();
        await Expect(phone, "referat");
        await Axe(phone, violations);
        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_contract_pages_of_secretariat_and_hub_pass_axe()
    {
        await using var session = await Start(("sek", Roles.Secretariat, "kkr-sjaelland"), ("hub", Roles.Respondent, "erhvervshus-sjaelland"));
        var violations = new List<string>();
        const string contract = "/kontrakter/resultatkontrakt-2024-erhvervshus-sjaelland";

        var sek = await session.As("sek");
        foreach (var url in new[] { "/kontrakter", contract, contract + "/maal/1", contract + "/maal/2", contract + "/maal/8", contract + "/maal/9" })
        {
            await sek.GotoAsync(url);
            await Axe(sek, violations);
        }
        await sek.GotoAsync(contract + "/maal/8");
        await Expect(sek, "Registreringerne bag tallet");

        var hub = await session.As("hub");
        await hub.GotoAsync(contract + "/import");
        await Axe(hub, violations);
        var bad = "sag_id,cvr,kommunekode,hovedsaede_region,type,startdato,slutdato,temaer,henvist_ekstern,vejledt_aaret_foer\n"
                  + "X-1,12345678,999,1085,kort forløb,2024-07-01,,,nej,nej\n";
        await hub.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "crm.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await hub.GetByRole(AriaRole.Button, new() { Name = "Kontrollér filen" }).ClickAsync();
        Assert.StartsWith("Fejl:", await hub.TitleAsync());
        await Expect(hub, "Linje 2");
        await Axe(hub, violations);
        var good = "sag_id,cvr,kommunekode,hovedsaede_region,type,startdato,slutdato,temaer,henvist_ekstern,vejledt_aaret_foer\n"
                   + $"X-1,{Features.Contracts.ContractDemoData.Cvr(new Random(424242))},259,1085,vækstplan,2024-07-01,,ESG/grøn forretning,ja,nej\n";
        await hub.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "crm.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await hub.GetByRole(AriaRole.Button, new() { Name = "Kontrollér filen" }).ClickAsync();
        await Expect(hub, "Indlæs 1 række");
        await Axe(hub, violations);

        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task A_secretariat_copies_last_years_collection_publishes_it_and_gives_one_respondent_more_time()
    {
        await using var session = await Start(("sek", Roles.Secretariat, "kkr-sjaelland"), ("faxe-bruger", Roles.Respondent, "faxe"));
        var violations = new List<string>();
        var sek = await session.As("sek");
        await sek.GetByRole(AriaRole.Link, new() { Name = "Ny indsamling" }).ClickAsync();
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Button, new() { Name = "Opret kladde" }).ClickAsync();
        Assert.StartsWith("Fejl:", await sek.TitleAsync());
        await Expect(sek, "Skriv indsamlingens titel");
        await Axe(sek, violations);
        await sek.GetByLabel("Kopiér fra").SelectOptionAsync("akutfunktioner-2024");
        await sek.GetByLabel("Titel").FillAsync("Akutfunktioner 2025");
        await sek.GetByLabel("Kort adresse").FillAsync("akutfunktioner-2025");
        await sek.GetByLabel("Åbner").FillAsync("30-11-2026 08.00");
        await sek.GetByLabel("Frist", new() { Exact = true }).FillAsync("15-12-2026 12.00");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Opret kladde" }).ClickAsync();
        await Expect(sek, "Indsamlingen er oprettet som kladde");
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Button, new() { Name = "Offentliggør" }).ClickAsync();
        await Expect(sek, "Indsamlingen er offentliggjort");

        await sek.GetByRole(AriaRole.Link, new() { Name = "Vis og ret respondenter" }).ClickAsync();
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Button, new() { Name = "Fjern Greve Kommune" }).ClickAsync();
        await Expect(sek, "Greve Kommune er fjernet som respondent");
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Link, new() { Name = "Forlæng frist for Faxe Kommune" }).ClickAsync();
        await sek.GetByLabel("Ny frist").FillAsync("19-12-2026 12.00");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Gem fristen" }).ClickAsync();
        await Expect(sek, "Skriv hvorfor fristen forlænges");
        await Axe(sek, violations);
        await sek.GetByLabel("Begrundelse").FillAsync("Byrådsmøde den 18. december");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Gem fristen" }).ClickAsync();
        await Expect(sek, "Faxe Kommune: fristen er forlænget til 19. december 2026 kl. 12.00");

        var faxe = await session.As("faxe-bruger");
        await Expect(faxe, "forlænget for jer");
        await faxe.GetByRole(AriaRole.Link, new() { Name = "Akutfunktioner 2025" }).First.ClickAsync();
        Assert.EndsWith("/indsamlinger/akutfunktioner-2025/besvarelser/faxe", faxe.Url);
        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task A_secretariat_builds_a_collection_from_blank_and_a_municipality_answers_it()
    {
        await using var session = await Start(("sek", Roles.Secretariat, "kkr-sjaelland"), ("faxe-bruger", Roles.Respondent, "faxe"));
        var violations = new List<string>();
        var sek = await session.As("sek");
        await sek.GotoAsync("/indsamlinger/ny");
        await sek.GetByLabel("Titel").FillAsync("Klimatilpasning 2026");
        await sek.GetByLabel("Kort adresse").FillAsync("klima-2026");
        await sek.GetByLabel("Åbner").FillAsync("30-11-2026 08.00");
        await sek.GetByLabel("Frist", new() { Exact = true }).FillAsync("15-12-2026 12.00");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Opret kladde" }).ClickAsync();
        await sek.GetByRole(AriaRole.Link, new() { Name = "Vis og ret skemaet" }).ClickAsync();
        await Axe(sek, violations);
        await sek.GetByLabel("Afsnittets titel").FillAsync("Plan og tiltag");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Tilføj afsnit" }).ClickAsync();
        await Expect(sek, "Skemaet er gemt");

        async Task Question(string label, string key, string type, Func<Task>? more = null)
        {
            await sek.GetByRole(AriaRole.Link, new() { Name = "Tilføj spørgsmål i Plan og tiltag" }).ClickAsync();
            await sek.GetByLabel("Spørgsmål", new() { Exact = true }).FillAsync(label);
            await sek.GetByLabel("Nøgle (valgfrit)").FillAsync(key);
            await sek.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(type);
            if (more is not null) await more();
            await sek.GetByRole(AriaRole.Button, new() { Name = "Gem spørgsmålet" }).ClickAsync();
            await Expect(sek, "Skemaet er gemt");
        }
        await Question("Har kommunen en klimatilpasningsplan?", "plan", "yesNo", () => sek.GetByLabel("Skal besvares før indsendelse").CheckAsync());
        await sek.GetByRole(AriaRole.Link, new() { Name = "Tilføj spørgsmål i Plan og tiltag" }).ClickAsync();
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Button, new() { Name = "Gem spørgsmålet" }).ClickAsync();
        await Expect(sek, "Skriv spørgsmålet");
        await Axe(sek, violations);
        await sek.GotoAsync("/indsamlinger/klima-2026/skema");
        await Question("Hvornår blev planen vedtaget?", "vedtaget", "date", async () =>
        {
            await sek.GetByLabel("Stilles kun, hvis svaret på").SelectOptionAsync("plan");
            await sek.GetByLabel("Hvordan svaret skal være").SelectOptionAsync("isYes");
        });
        await Question("Hvor høj er risikoen?", "risiko", "matrix", async () =>
        {
            await sek.GetByLabel("Matrixens rækker").FillAsync("skybrud = Skybrud\nstormflod = Stormflod");
            await sek.GetByLabel("Matrixens kolonner").FillAsync("nu = I dag");
            await sek.GetByLabel("Cellernes type").SelectOptionAsync("choice");
            await sek.GetByLabel("Cellernes svarmuligheder (ét svar fra en liste)").FillAsync("1 = Lav\n2 = Middel\n3 = Høj");
        });
        await Question("Projekter", "projekter", "table", async () =>
        {
            await sek.GetByLabel("Tabellens kolonner").FillAsync("navn = Projekt = text\nbeloeb = Anlægsudgift = amount");
            await sek.GetByLabel("Højst antal rækker").FillAsync("5");
        });
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Link, new() { Name = "Ret Hvornår blev planen vedtaget?" }).ClickAsync();
        await Axe(sek, violations);
        await sek.GotoAsync("/indsamlinger/klima-2026/respondenter");
        foreach (var org in new[] { "faxe", "greve", "koege" })
        {
            await sek.GetByLabel("Én organisation").SelectOptionAsync(org);
            await sek.GetByRole(AriaRole.Button, new() { Name = "Tilføj organisationen" }).ClickAsync();
            await Expect(sek, "1 respondent er tilføjet");
        }
        await sek.GotoAsync("/indsamlinger/klima-2026/skema");
        await sek.GetByLabel("Forhåndsvis skemaet som").SelectOptionAsync("faxe");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();
        await Expect(sek, "Forhåndsvisning: sådan ser skemaet ud for Faxe Kommune");
        await Axe(sek, violations);
        await sek.GotoAsync("/indsamlinger/klima-2026");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Offentliggør" }).ClickAsync();
        await Expect(sek, "Indsamlingen er offentliggjort");
        await sek.GotoAsync("/indsamlinger/klima-2026/respondenter/faxe/frist");
        await sek.GetByLabel("Ny frist").FillAsync("19-12-2026 12.00");
        await sek.GetByLabel("Begrundelse").FillAsync("Byrådsmøde");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Gem fristen" }).ClickAsync();
        await Expect(sek, "fristen er forlænget");

        var faxe = await session.As("faxe-bruger");
        await faxe.GetByRole(AriaRole.Link, new() { Name = "Klimatilpasning 2026" }).First.ClickAsync();
        await faxe.GetByRole(AriaRole.Group, new() { Name = "Har kommunen en klimatilpasningsplan?" }).GetByLabel("Ja").CheckAsync();
        await faxe.GetByLabel("Hvornår blev planen vedtaget?").FillAsync("01-06-2025");
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Indsend" }).ClickAsync();
        await Expect(faxe, "Kvittering");
        await sek.GotoAsync("/indsamlinger/klima-2026/sammendrag");
        await Expect(sek, "1 af 3");
        await Axe(sek, violations);

        // A printed figure added by hand, and next year's edition made from the form spreadsheet, both without JavaScript.
        await sek.GotoAsync("/indsamlinger/klima-2026/oversigter");
        await Axe(sek, violations);
        await sek.GetByLabel("Spørgsmålets nøgle").FillAsync("plan");
        await sek.GetByLabel("Trykt", new() { Exact = true }).FillAsync("1/3");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Tilføj tallet" }).ClickAsync();
        await Expect(sek, "De trykte tal er gemt");
        await Axe(sek, violations);
        var sheet = await sek.Context.APIRequest.GetAsync("/indsamlinger/klima-2026/skema.xlsx");
        Assert.Equal(200, sheet.Status);
        await sek.GotoAsync("/indsamlinger/ny");
        await sek.GetByLabel("Eller indlæs skemaet fra et regneark (valgfrit)").SetInputFilesAsync(new FilePayload
            { Name = "klima-2026.xlsx", MimeType = Samraad.Documents.Xlsx.ContentType, Buffer = await sheet.BodyAsync() });
        await sek.GetByLabel("Titel").FillAsync("Klimatilpasning 2027");
        await sek.GetByLabel("Kort adresse").FillAsync("klima-2027");
        await sek.GetByLabel("Åbner").FillAsync("01-12-2026 08.00");
        await sek.GetByLabel("Frist", new() { Exact = true }).FillAsync("20-12-2026 12.00");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Opret kladde" }).ClickAsync();
        await Expect(sek, "Indsamlingen er oprettet som kladde");
        await sek.GotoAsync("/indsamlinger/klima-2027/skema");
        await Expect(sek, "Hvornår blev planen vedtaget?");
        await sek.GetByRole(AriaRole.Link, new() { Name = "Skalaer, kategorier og manglende-koder" }).ClickAsync();
        await sek.GetByLabel("Skalaens navn").FillAsync("enighed");
        await sek.GetByLabel("Svarmuligheder").Last.FillAsync("1 = Uenig\n2 = Enig [tæller som ja]");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Tilføj skalaen" }).ClickAsync();
        await Expect(sek, "Skalaen »enighed«");
        await Axe(sek, violations);
        await sek.GotoAsync("/indsamlinger/klima-2027/skema");
        await sek.GetByLabel("Indlæs skemaet fra et regneark").SetInputFilesAsync(new FilePayload
            { Name = "forkert.xlsx", MimeType = Samraad.Documents.Xlsx.ContentType, Buffer = Samraad.Documents.Xlsx.Write([("survey", [["type", "name", "label"], ["slider", "a", "A"]])]) });
        await sek.GetByRole(AriaRole.Button, new() { Name = "Indlæs regnearket" }).ClickAsync();
        await Expect(sek, "survey, række 2, kolonne type: ukendt type »slider«");
        await Axe(sek, violations);
        await sek.GotoAsync("/konto");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Skift adgangskode" }).ClickAsync();
        await Expect(sek, "Skriv din nuværende adgangskode");
        await Axe(sek, violations);
        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_key_figure_pages_pass_axe()
    {
        await using var session = await Start(("sek", Roles.Secretariat, "kkr-sjaelland"));
        var violations = new List<string>();
        const string set = "/noegletal/kofoedsminde-noegletal";

        var sek = await session.As("sek");
        foreach (var url in new[] { "/noegletal", set, set + "/beregning", set + "/beregning?places=20", set + "/indtast?periode=2022" })
        {
            await sek.GotoAsync(url);
            await Axe(sek, violations);
        }
        await sek.GotoAsync(set + "/beregning?places=nul");
        await Expect(sek, "Pladser skal være et helt tal");
        await Axe(sek, violations);
        await sek.GotoAsync(set + "/indtast?periode=2023");
        await sek.GetByLabel("Samlet forbrug af vikarer (personer)").FillAsync("mange");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Gem periodens tal" }).ClickAsync();
        Assert.StartsWith("Fejl:", await sek.TitleAsync());
        await Expect(sek, "Samlet forbrug af vikarer skal være et tal");
        await Axe(sek, violations);
        await sek.GetByLabel("Samlet forbrug af vikarer (personer)").FillAsync("120");
        await sek.GetByRole(AriaRole.Button, new() { Name = "Gem periodens tal" }).ClickAsync();
        await Expect(sek, "tal for 2023 er gemt");

        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_survey_periodic_collection_and_cluster_pages_pass_axe()
    {
        await using var session = await Start(("sek", Roles.Secretariat, "kkr-sjaelland"));
        var violations = new List<string>();
        const string cluster = "/undersoegelser/klyngedeltagersurvey";

        var sek = await session.As("sek");
        const string evaluation = "/indsamlinger/klyngeevaluering-2021-2023";
        foreach (var url in new[] { "/undersoegelser", cluster, "/undersoegelser/mobilitetssurvey-2023", cluster + "/indlaes",
                     "/noegletal/klyngeevaluering-2021-2023", "/noegletal/ruc-vidensamarbejde", evaluation + "?periode=2022",
                     evaluation + "/sammendrag?periode=2022", evaluation + "/matrix?periode=2023", evaluation + "/besvarelser/clean?periode=2021" })
        {
            await sek.GotoAsync(url);
            await Axe(sek, violations);
        }
        await sek.GotoAsync(cluster);
        await sek.GetByLabel("Spørgsmål").SelectOptionAsync(new SelectOptionValue { Label = "Tværfaglige indsigter" });
        await sek.GetByLabel("Opdelt efter").SelectOptionAsync(new SelectOptionValue { Label = "Klynge" });
        await sek.GetByRole(AriaRole.Button, new() { Name = "Vis tabel" }).ClickAsync();
        await Expect(sek, "Øvrige klynger");
        await Axe(sek, violations);
        await sek.GotoAsync(cluster + "/indlaes");
        var file = Path.Combine(Path.GetTempPath(), $"svar-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "ID-nummer,Region,Klynge,Kendskab,Udbytte 1,Udbytte 2,Udbytte 3,Udbytte 4,Udbytte 5,Udbytte 6,Udbytte 7,Udbytte 8\n1,Region Atlantis,Clean,,,,,,,,,\n");
        await sek.GetByLabel("Fil (CSV eller XLSX)").SetInputFilesAsync(file);
        await sek.GetByRole(AriaRole.Button, new() { Name = "Indlæs filen" }).ClickAsync();
        Assert.StartsWith("Fejl:", await sek.TitleAsync());
        await Expect(sek, "regionen »Region Atlantis« findes ikke");
        await Axe(sek, violations);
        File.Delete(file);

        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    /// <summary>The app on a real port with the given users, Debian's Chromium pointed at it, and logged-in pages.</summary>
    [Fact]
    public async Task A_municipality_answers_a_conditional_question_and_ticks_several_boxes_without_javascript()
    {
        await using var session = await Start(("faxe-bruger", Roles.Respondent, "faxe"), ("sek", Roles.Secretariat, "kkr-sjaelland"), ("admin", Roles.Admin, null));
        var violations = new List<string>();
        var faxe = await session.As("faxe-bruger");
        await faxe.GotoAsync("/indsamlinger/alle-felttyper/besvarelser/faxe");
        await Axe(faxe, violations);
        await Expect(faxe, "Besvares kun, hvis du har svaret Nej til »Udføres opgaven?«.");

        // Two boxes and the exclusive one: refused by the field, and what was ticked is shown again.
        await faxe.Locator("#f-tiltag").CheckAsync();
        await faxe.Locator("#f-tiltag-kort").CheckAsync();
        await faxe.Locator("#f-tiltag-ingen").CheckAsync();
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await Expect(faxe, "»Ingen af delene« kan ikke vælges sammen med andre svar");
        await Axe(faxe, violations);
        Assert.True(await faxe.Locator("#f-tiltag-kort").IsCheckedAsync());
        await faxe.Locator("#f-tiltag-ingen").UncheckAsync();

        // "Nej" makes the follow-up asked, and then it is required.
        await faxe.Locator("#f-ja-nej-nej").CheckAsync();
        await faxe.Locator("#f-grad").CheckAsync();
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Indsend" }).ClickAsync();
        await Expect(faxe, "Hvorfor udføres opgaven ikke?");
        await Axe(faxe, violations);
        await faxe.GetByLabel("Hvorfor udføres opgaven ikke?").FillAsync("Opgaven løses af regionen.");
        await faxe.GetByRole(AriaRole.Button, new() { Name = "Indsend" }).ClickAsync();
        await Expect(faxe, "Kvittering");
        await Expect(faxe, "Klimatilpasningsplan, Risikokortlægning");
        await Expect(faxe, "Opgaven løses af regionen.");
        await Axe(faxe, violations);

        // The secretariat's summary of the new types, and the administrator's Pakker page.
        var sek = await session.As("sek");
        await sek.GotoAsync("/indsamlinger/alle-felttyper/sammendrag");
        await Expect(sek, "Valgt mindst én");
        await Expect(sek, "Spurgt (besvares kun på betingelse)");
        await Expect(sek, "andelene kan tilsammen give mere end 100 %");
        await Axe(sek, violations);
        var admin = await session.As("admin");
        await admin.GotoAsync("/pakker");
        await Expect(admin, "0 afvist");
        await Axe(admin, violations);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>The path of the link in the latest .eml file to <paramref name="to"/> (the app writes mail there when no SMTP server is set).</summary>
    static async Task<string> MailLink(TestApp app, string to, int nth)
    {
        var dir = Path.Combine(app.DataDir, "mail");
        for (var i = 0; i < 400; i++)
        {
            if (Directory.Exists(dir))
            {
                var mails = new List<MimeKit.MimeMessage>();
                foreach (var f in Directory.GetFiles(dir, "*.eml").Order()) mails.Add(await MimeKit.MimeMessage.LoadAsync(f));
                var mine = mails.Where(m => m.To.Mailboxes.Any(b => b.Address == to)).ToList();
                if (mine.Count >= nth) return UserTests.LinkPath(mine[nth - 1]);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No mail number {nth} to {to}");
    }

    [Fact]
    public async Task An_invitation_and_a_password_reset_work_through_the_pages_without_JavaScript()
    {
        await using var session = await Start(("sek", Roles.Secretariat, "kkr-sjaelland"));
        var violations = new List<string>();
        var sek = await session.As("sek");
        await sek.GotoAsync("/brugere");
        await Axe(sek, violations);
        await sek.GetByRole(AriaRole.Link, new() { Name = "Faxe Kommune" }).ClickAsync();
        await sek.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(sek, "Skriv personens e-mailadresse");
        await Axe(sek, violations);
        await sek.GetByLabel("Navn", new() { Exact = true }).FillAsync("Anne Kontakt");
        await sek.GetByLabel("E-mailadresse").FillAsync("anne@faxe.dk");
        await sek.GetByLabel("Rolle").SelectOptionAsync(Roles.LocalAdmin);
        await sek.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(sek, "Invitationen er sendt");
        await Axe(sek, violations);

        const string chosen = "Anne-Vaelger-2026", reset = "Anne-Nulstiller-2027";
        var anne = await session.Anonymous();
        await anne.GotoAsync(await MailLink(session.App, "anne@faxe.dk", 1));
        await Expect(anne, "Velkommen, Anne Kontakt");
        await Axe(anne, violations);
        await anne.GetByLabel("Adgangskode", new() { Exact = true }).FillAsync(chosen);
        await anne.GetByLabel("Gentag adgangskoden").FillAsync(chosen);
        await anne.GetByRole(AriaRole.Button, new() { Name = "Gem adgangskoden" }).ClickAsync();
        await Expect(anne, "Din adgangskode er gemt");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Glemt adgangskode?" }).ClickAsync();
        await Axe(anne, violations);
        await anne.GetByLabel("E-mailadresse eller brugernavn").FillAsync("anne@faxe.dk");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Send link" }).ClickAsync();
        await Expect(anne, "Hvis der findes en konto");
        await anne.GotoAsync(await MailLink(session.App, "anne@faxe.dk", 2));
        await Expect(anne, "Nulstil adgangskode");
        await anne.GetByLabel("Adgangskode", new() { Exact = true }).FillAsync(reset);
        await anne.GetByLabel("Gentag adgangskoden").FillAsync(reset + "x");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Gem den nye adgangskode" }).ClickAsync();
        await Expect(anne, "Skriv den samme adgangskode to gange");
        await Axe(anne, violations);
        await anne.GetByLabel("Adgangskode", new() { Exact = true }).FillAsync(reset);
        await anne.GetByLabel("Gentag adgangskoden").FillAsync(reset);
        await anne.GetByRole(AriaRole.Button, new() { Name = "Gem den nye adgangskode" }).ClickAsync();
        await Expect(anne, "Din adgangskode er gemt");
        await anne.GetByLabel("Brugernavn").FillAsync("anne@faxe.dk");
        await anne.GetByLabel("Adgangskode").FillAsync(reset);
        await anne.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await anne.GotoAsync("/brugere?organisation=faxe");
        await Expect(anne, "Brugere – Faxe Kommune");
        await Axe(anne, violations);
        await anne.GotoAsync("/konto");
        await Expect(anne, "Log ind-historik");
        await Axe(anne, violations);

        // Two-factor: the key under the QR code goes into the "app"; then log-in asks for its code.
        await anne.GetByRole(AriaRole.Link, new() { Name = "Slå to-faktor-log ind til" }).ClickAsync();
        await Expect(anne, "scan QR-koden");
        await Axe(anne, violations);
        var key = (await anne.Locator("figcaption code").InnerTextAsync()).Replace(" ", "");
        await anne.GetByLabel("Kode fra appen").FillAsync("000000");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Slå to-faktor til" }).ClickAsync();
        await Expect(anne, "Koden er forkert eller udløbet");
        await Axe(anne, violations);
        await anne.GetByLabel("Kode fra appen").FillAsync(TwoFactorTests.Totp(key));
        await anne.GetByRole(AriaRole.Button, new() { Name = "Slå to-faktor til" }).ClickAsync();
        await Expect(anne, "Dine gendannelseskoder");
        await Axe(anne, violations);
        await anne.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await anne.GotoAsync("/log-ind");
        await anne.GetByLabel("Brugernavn").FillAsync("anne@faxe.dk");
        await anne.GetByLabel("Adgangskode").FillAsync(reset);
        await anne.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Expect(anne, "Kode fra din godkendelsesapp");
        await Axe(anne, violations);
        await anne.GetByLabel("Kode", new() { Exact = true }).FillAsync(TwoFactorTests.Totp(key));
        await anne.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await anne.GotoAsync("/konto");
        await Expect(anne, "Adgangskode og kode fra app");
        Assert.True(violations.Count == 0, "axe-core WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }

    sealed class Session(TestApp app, IPlaywright playwright, IBrowser browser, string baseUrl) : IAsyncDisposable
    {
        public TestApp App => app;

        /// <summary>A browser nobody is signed in to (an invitee opening the link from the e-mail).</summary>
        public Task<IPage> Anonymous() => NewPage(browser, baseUrl);

        public async Task<IPage> As(string user)
        {
            var page = await NewPage(browser, baseUrl);
            await LogIn(page, user);
            return page;
        }

        /// <summary>A 390 px phone with script on (as phones have it), signed in.</summary>
        public async Task<IPage> OnPhoneAs(string user)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "da-DK", ViewportSize = new() { Width = 390, Height = 844 } });
            context.SetDefaultTimeout(LongOperation);
            var page = await context.NewPageAsync();
            await LogIn(page, user);
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await app.DisposeAsync();
        }
    }

    async Task<Session> Start(params (string User, string Role, string? Organisation)[] users)
    {
        var app = TestApp.Start(Db.Sqlite, kestrel: true);
        foreach (var (user, role, organisation) in users) await app.CreateUser(user, role, organisation);
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Playwright.CreateAsync();
        return new Session(app, playwright, await Launch(playwright, baseUrl), baseUrl);
    }

    async Task<IBrowser> Launch(IPlaywright playwright, string baseUrl)
    {
        var browser = await LaunchChromium(playwright);
        // axe-core needs script and timers, which the no-JavaScript pages lack: it checks a copy of each page's DOM
        // in a scripted page of the same origin (so the same CSS applies).
        axePage = await (await browser.NewContextAsync(new() { BypassCSP = true })).NewPageAsync();
        axeOrigin = baseUrl;
        await AxeHarnessCatchesAnUnlabelledInput();
        return browser;
    }

    /// <summary>Debian's Chromium, headless, quiet (no network of its own).</summary>
    internal static Task<IBrowser> LaunchChromium(IPlaywright playwright)
    {
        Assert.True(File.Exists(ChromiumPath), "Debian's chromium is required: apt-get install -y chromium");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    static async Task<IPage> NewPage(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = baseUrl, Locale = "da-DK", AcceptDownloads = true });
        // Wait for the state, not for an idle machine: building a 166-page packet under load took over 30 s once.
        context.SetDefaultTimeout(LongOperation);
        context.SetDefaultNavigationTimeout(LongOperation);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    static async Task LogIn(IPage page, string user)
    {
        await page.GotoAsync("/log-ind");
        await page.GetByLabel("Brugernavn").FillAsync(user);
        await page.GetByLabel("Adgangskode").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        Assert.DoesNotContain("/log-ind", page.Url);
    }

    /// <summary>A generous bound for any one step; a step ends as soon as its state is reached.</summary>
    const float LongOperation = 180_000;

    /// <summary>Waits until the page's main content shows the text (retrying, so a slow navigation is no failure).</summary>
    static Task Expect(IPage page, string text) =>
        Assertions.Expect(page.Locator("main")).ToContainTextAsync(text, new() { Timeout = LongOperation });

    /// <summary>Proves the check can fail: a page with an unlabelled input must be reported.</summary>
    async Task AxeHarnessCatchesAnUnlabelledInput()
    {
        await axePage.GotoAsync(axeOrigin + "/log-ind");
        await axePage.SetContentAsync("<!DOCTYPE html><html lang=\"da\"><head><title>x</title></head><body><main><input type=\"text\"></main></body></html>");
        var result = await axePage.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a"] } });
        Assert.Contains(result.Violations, v => v.Id == "label");
    }

    IPage axePage = null!;
    int shot;
    string axeOrigin = "";

    async Task Axe(IPage page, List<string> violations)
    {
        // SAMRAAD_SCREENSHOTS=DIR keeps a picture of every checked page, for reviewing the UI by eye.
        if (Environment.GetEnvironmentVariable("SAMRAAD_SCREENSHOTS") is { Length: > 0 } dir)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{++shot:00}-{new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '_')}.png"), FullPage = true });
        var html = await page.ContentAsync();
        await axePage.GotoAsync(axeOrigin + "/log-ind");
        await axePage.SetContentAsync(html);
        var result = await axePage.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        output.WriteLine($"axe {page.Url}: {result.Violations.Length} violations, {result.Passes.Length} passes");
        foreach (var v in result.Violations)
            violations.Add($"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
    }
}
