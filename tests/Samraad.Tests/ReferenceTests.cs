using Samraad.Features.Reference;

namespace Samraad.Tests;

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
