using Samraad.Auth;
using Samraad.Documents;
using Samraad.Features.Collections;
using Samraad.Features.Reference;
using Samraad.Hosting;

namespace Samraad.Tests;

public class AccessTests
{
    static UserContext User(string role, int? org) => new("id", "u", "U", role, org);

    [Fact]
    public void A_respondent_acts_only_for_its_own_organisation()
    {
        var faxe = User(Roles.Respondent, 320);
        Assert.True(Access.CanAnswerFor(faxe, 320));
        Assert.False(Access.CanAnswerFor(faxe, 253));
        Assert.False(Access.CanViewResponse(faxe, ownerOrganisationId: 1, respondentOrganisationId: 253));
        Assert.False(Access.CanReadSummary(faxe, 1));
    }

    [Fact]
    public void Secretariat_staff_administer_only_their_own_organisations_collections()
    {
        var sjaelland = User(Roles.Secretariat, 1);
        Assert.True(Access.CanAdminister(sjaelland, 1));
        Assert.False(Access.CanAdminister(sjaelland, 2));
        Assert.False(Access.CanAnswerFor(sjaelland, 320)); // they read and reopen, they do not answer for a municipality
        Assert.True(Access.CanAdminister(User(Roles.Admin, null), 2));
    }

    [Fact]
    public void Readers_read_summaries_but_no_single_response()
    {
        var reader = User(Roles.Reader, null);
        Assert.True(Access.CanReadSummary(reader, 1));
        Assert.False(Access.CanViewResponse(reader, 1, 320));
    }
}

public class DanishTimeTests
{
    [Fact]
    public void Deadlines_are_Danish_time_summer_time_included()
    {
        // 15 May 2024 23:59 in Copenhagen is CEST (UTC+2).
        Assert.Equal(new DateTime(2024, 5, 15, 21, 59, 0, DateTimeKind.Utc), DanishTime.ParseLocal("15-05-2024 23.59"));
        // 4 March 2024 is winter time (UTC+1).
        Assert.Equal(new DateTime(2024, 3, 4, 22, 59, 0), DanishTime.ParseLocal("2024-03-04T23:59"));
        Assert.Equal("4. marts 2024 kl. 23.59", DanishTime.Format(new DateTime(2024, 3, 4, 22, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_window_is_open_from_opening_to_deadline_inclusive()
    {
        var c = new Collection { OpensAtUtc = DanishTime.ParseLocal("01-05-2024 00.00")!.Value, DeadlineUtc = DanishTime.ParseLocal("15-05-2024 23.59")!.Value };
        Assert.True(c.IsOpen(c.DeadlineUtc));
        Assert.False(c.IsOpen(c.DeadlineUtc.AddSeconds(1)));
        Assert.Contains("Fristen udløb 15. maj 2024 kl. 23.59", c.ClosedReason(c.DeadlineUtc.AddMinutes(1)));
        Assert.Contains("åbner 1. maj 2024", c.ClosedReason(c.OpensAtUtc.AddMinutes(-1)));
    }
}

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+45 1234", "'+45 1234")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-5", "-5")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("Ja*", "Ja*")]
    public void Cells_that_a_spreadsheet_would_run_are_defused(string cell, string written) =>
        Assert.Equal(written, Csv.Sanitize(cell));

    [Fact]
    public void Written_csv_reads_back_with_quotes_and_newlines()
    {
        var bytes = Csv.Write([["a", "b"], ["x, y", "linje 1\nlinje 2"]]);
        var rows = Csv.Read(System.Text.Encoding.UTF8.GetString(bytes), out var header);
        Assert.Equal(["a", "b"], header);
        Assert.Equal("linje 1\nlinje 2", rows[0]["b"]);
    }

    [Fact]
    public void A_broken_shape_is_reported_by_the_line_the_record_starts_on()
    {
        var rows = Csv.ReadWithLines("a,b,c\n1,2,3\n\"4,5,6\n7,8,9\n10,11\n", out _, out var problems);
        Assert.Contains(problems, p => p.StartsWith("Linje 3: et anførselstegn (\") er ikke lukket eller står midt i en celle (posten løber til linje"));
        Assert.Contains(problems, p => p.StartsWith("Linje 3: 1 celle, forventet 3"));
        Csv.ReadWithLines("a;b\n1;2\n\n3;\"x\ny\"\n", out _, out var fine);
        Assert.Empty(fine); // blank lines and quoted line breaks are not problems
        Assert.Equal(2, rows.Count);
    }
}

public class ReferenceTests
{
    [Theory]
    [InlineData("Næstved", "naestved")]
    [InlineData("KKR Sjælland", "kkr-sjaelland")]
    [InlineData("Lyngby-Taarbæk", "lyngby-taarbaek")]
    [InlineData("Region Hovedstaden", "region-hovedstaden")]
    public void Slugs_are_readable_ascii(string name, string slug) => Assert.Equal(slug, Slug.From(name));

    [Fact]
    public void The_reference_file_has_98_municipalities_in_5_regions()
    {
        var (rows, errors) = ImportMunicipalities.Parse(File.ReadAllText(Path.Combine(TestForms.RepoRoot, "reference", "kommuner.csv")));
        Assert.Empty(errors);
        Assert.Equal(98, rows.Count);
        Assert.Equal(5, rows.Select(r => r.RegionCode).Distinct().Count());
        Assert.Equal(17, rows.Count(r => r.Kkr == "KKR Sjælland"));
        Assert.Equal(5, rows.Select(r => r.DstGroup).Distinct().Count());
        Assert.Equal(3, rows.Select(r => r.KlGroup).Distinct().Count());
        Assert.Equal(98, rows.Select(r => Slug.From(r.Name)).Distinct().Count());
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_number()
    {
        var (_, errors) = ImportMunicipalities.Parse("kommunekode,kommune,regionskode,region,kkr,dst_kommunegruppe_v1_2018,kl_survey_gruppe\n320,Faxe,1085,Region Sjælland,KKR Sjælland,Oplandskommuner,Provins\nabc,X,9999,R,K,,G\n");
        Assert.Equal("Linje 3: kommunekode »abc« skal være et tal fra 101 til 999; regionskode »9999« skal være 1081–1085; dst_kommunegruppe_v1_2018 er tom", Assert.Single(errors));
    }
}

public class CommandLineTests
{
    [Fact]
    public void Options_map_onto_configuration_and_the_default_verb_is_serve()
    {
        var c = CommandLine.Parse(["export", "akutfunktioner-2024", "--format", "csv", "--data-dir", "/tmp/x", "--db-provider=postgres"]);
        Assert.Equal("export", c.Verb);
        Assert.Equal(["akutfunktioner-2024"], c.Arguments);
        Assert.Equal("csv", c.Option("--format"));
        Assert.Contains("--Samraad:DataDir=/tmp/x", c.HostArgs);
        Assert.Contains("--Samraad:DbProvider=postgres", c.HostArgs);
        Assert.Equal("serve", CommandLine.Parse(["--urls", "http://127.0.0.1:1"]).Verb);
    }
}
