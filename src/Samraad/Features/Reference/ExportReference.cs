using Samraad.Documents;

namespace Samraad.Features.Reference;

/// <summary>Reference data as CSV: municipalities in the kommuner.csv format (re-importable), and all organisations.</summary>
public static class ExportReference
{
    public static byte[] Municipalities(IEnumerable<OrganisationRow> rows) => Csv.Write(
        new[] { (IReadOnlyList<string?>)ImportMunicipalities.Columns }.Concat(rows.Where(r => r.Organisation.Kind == OrganisationKind.Kommune)
            .Select(r => (IReadOnlyList<string?>)[r.Organisation.MunicipalityCode?.ToString(), r.Organisation.Name, r.Organisation.RegionCode?.ToString(),
                r.Region, r.Kkr, r.Groups.GetValueOrDefault(GroupSets.DstKommunegrupper), r.Groups.GetValueOrDefault(GroupSets.KlSurveyGrupper)])));

    public static byte[] Organisations(IEnumerable<OrganisationRow> rows) => Csv.Write(
        new[] { (IReadOnlyList<string?>)["slug", "navn", "type", "kommunekode", "regionskode", "region", "kkr", "dst_kommunegruppe_v1_2018", "kl_survey_gruppe", "kilde"] }
            .Concat(rows.Select(r => (IReadOnlyList<string?>)[r.Organisation.Slug, r.Organisation.Name, r.Organisation.Kind.ToString(),
                r.Organisation.MunicipalityCode?.ToString(), r.Organisation.RegionCode?.ToString(), r.Region, r.Kkr,
                r.Groups.GetValueOrDefault(GroupSets.DstKommunegrupper), r.Groups.GetValueOrDefault(GroupSets.KlSurveyGrupper), r.Organisation.Source])));
}
