namespace Samraad.Features.Indicators;

public sealed record KeyFigureSetItem(string Slug, string Title, string PeriodKind, string FirstPeriod, string LastPeriod, string FirstPeriodLabel, string LastPeriodLabel, IReadOnlyList<string> Reporters);
public sealed record IndicatorValueDto(string Reporter, string Period, decimal? Value, string Display, string? Missing, string? Printed, bool Differs);
public sealed record IndicatorRowDto(string Table, string Kind, string Key, string Label, string? Unit, string? Formula, IReadOnlyList<IndicatorValueDto> Values);
public sealed record KeyFigureReportDto(string Slug, string Title, string Source, IReadOnlyList<IndicatorRowDto> Rows, IReadOnlyList<Discrepancy> Discrepancies, int PrintedChecked);
