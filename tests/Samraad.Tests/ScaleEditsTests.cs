using Samraad.Features.Collections.Authoring;
using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

/// <summary>Named scales, their categories and the missing-code catalogue edited as text, as the page does.</summary>
public class ScaleEditsTests
{
    static FormSpec Form() => FormSpecReader.Parse("""
    {"key":"k","version":1,"title":"K",
     "scales":{"grad":[{"key":"hoej","label":"Høj","description":"Mindst 4"},{"key":"lav","label":"Lav"}]},
     "missingCodes":[{"key":"ved-ikke","label":"Ved ikke"},{"key":"data-mangler","label":"Data mangler"}],
     "sections":[{"key":"a","title":"A","fields":[{"key":"g","label":"Grad","type":"choice","scale":"grad","missingCodes":["ved-ikke"]}]}]}
    """);

    [Fact]
    public void A_scale_is_shown_and_read_back_with_its_flags_and_categories()
    {
        var form = Form();
        Assert.Empty(ScaleEdits.SaveScale(form, "grad", false, "hoej = Høj [tæller som ja]\nmellem = Mellem\nlav = Lav\ningen = Ingen [alene]", "hoej-mellem = Høj eller mellem: hoej, mellem"));
        var read = FormSpecReader.Parse(FormSpecReader.Write(form));
        Assert.Equal(["hoej", "mellem", "lav", "ingen"], read.Scales["grad"].Select(o => o.Key));
        Assert.True(read.Scales["grad"][0].CountsAsYes);
        Assert.True(read.Scales["grad"][3].Exclusive);
        Assert.Equal("Mindst 4", read.Scales["grad"][0].Description); // kept by key
        Assert.Equal(["hoej", "mellem"], read.Categories["grad"][0].Options);
        Assert.Equal("hoej = Høj [tæller som ja]\nmellem = Mellem\nlav = Lav\ningen = Ingen [alene]", ScaleEdits.Lines(read.Scales["grad"]));
        Assert.Equal("hoej-mellem = Høj eller mellem: hoej, mellem", ScaleEdits.CategoryLines(read.Categories["grad"]));
    }

    [Fact]
    public void Bad_scales_and_a_code_in_use_are_refused_by_the_field()
    {
        var form = Form();
        Assert.Equal("name", Assert.Single(ScaleEdits.SaveScale(form, "Grad 2", true, "a = A", null)).Key);
        Assert.Contains("findes allerede", Assert.Single(ScaleEdits.SaveScale(form, "grad", true, "a = A", null)).Message);
        Assert.Contains("mindst én", Assert.Single(ScaleEdits.SaveScale(form, "ny", true, "", null)).Message);
        Assert.Contains("»x« er ikke en af skalaens svarmuligheder", Assert.Single(ScaleEdits.SaveScale(form, "grad", false, "hoej = Høj", "k = K: hoej, x")).Message);
        Assert.Contains("linje 1", Assert.Single(ScaleEdits.SaveScale(form, "grad", false, "hoej = Høj", "uden kolon")).Message);
        Assert.Contains("bruges af »Grad«", Assert.Single(ScaleEdits.DeleteScale(form, "grad")).Message);
        Assert.Contains("accepteres af »Grad«", Assert.Single(ScaleEdits.SaveMissingCodes(form, "data-mangler = Data mangler")).Message);
        Assert.Empty(ScaleEdits.SaveMissingCodes(form, "ved-ikke = Ved ikke\nikke-relevant = Ikke relevant"));
        Assert.Equal(["ved-ikke", "ikke-relevant"], form.MissingCodes.Select(m => m.Key));
        Assert.Empty(ScaleEdits.SaveScale(form, "enighed", true, "1 = Uenig\n2 = Enig", "enig = Enig: 2"));
        Assert.Empty(ScaleEdits.DeleteScale(form, "enighed"));
        Assert.False(form.Scales.ContainsKey("enighed") || form.Categories.ContainsKey("enighed"));
    }
}
