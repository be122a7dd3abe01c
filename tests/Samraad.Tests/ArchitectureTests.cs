using System.Reflection;
using NetArchTest.Rules;

namespace Samraad.Tests;

/// <summary>
/// The shape of the house (DESIGN.md), checked on the compiled code: the shared kernel stands alone, features never
/// reach into the host or the benchmarks, Meetings renders other features' data only through ILiveSource, and a
/// feature's pages are its own. A violation names the types that break the rule.
/// </summary>
public class ArchitectureTests
{
    static readonly Assembly App = typeof(Program).Assembly;
    const string Features = "Samraad.Features";
    static readonly string[] AllFeatures = ["Reference", "Collections", "Meetings", "Contracts", "Pools", "Indicators", "Surveys", "Search", "Periods"];

    static void Holds(ConditionList rule, string what)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, $"{what}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_shared_kernel_depends_on_no_feature_nor_on_the_host()
    {
        Holds(Types.InAssembly(App).That().ResideInNamespace("Samraad.Common").ShouldNot()
            .HaveDependencyOnAny(Features, "Samraad.Hosting", "Samraad.Auth", "Samraad.Data", "Samraad.Bench"),
            "Common must stand alone, but these use a feature, the host, Auth, Data or the benchmarks");
    }

    [Fact]
    public void Features_and_auth_do_not_depend_on_the_host_or_the_benchmarks()
    {
        Holds(Types.InAssembly(App).That().ResideInNamespace(Features).Or().ResideInNamespace("Samraad.Auth").ShouldNot()
            .HaveDependencyOnAny("Samraad.Hosting", "Samraad.Bench"),
            "A feature registers itself through IFeature; these reach into Hosting or Bench");
    }

    [Fact]
    public void Meetings_shows_other_features_data_only_through_live_sources()
    {
        var others = AllFeatures.Where(f => f is not ("Meetings" or "Reference")).Select(f => $"{Features}.{f}").ToArray();
        Holds(Types.InAssembly(App).That().ResideInNamespace($"{Features}.Meetings").ShouldNot().HaveDependencyOnAny(others),
            "Meetings may use reference data and ILiveSource, but these use another feature's internals");
    }

    /// <summary>Pages and documents are a feature's own; what it offers other features' pages lives in its Components.</summary>
    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void A_features_pages_are_used_only_by_that_feature(string feature)
    {
        Holds(Types.InAssembly(App).That().DoNotResideInNamespace($"{Features}.{feature}").ShouldNot()
                .HaveDependencyOnAny($"{Features}.{feature}.Pages", $"{Features}.{feature}.Documents"),
            $"The pages of {feature} are used outside it by");
    }

    public static TheoryData<string> FeatureNames() => new(AllFeatures);

    [Fact]
    public void The_rules_can_fail()
    {
        // Hosting wires every feature, so the same rule applied to it must report it.
        var result = Types.InAssembly(App).That().ResideInNamespace("Samraad.Hosting").ShouldNot().HaveDependencyOnAny(Features).GetResult();
        Assert.False(result.IsSuccessful);
        Assert.Contains("Samraad.Hosting.SamraadApp", result.FailingTypeNames);
    }
}
