namespace Samraad.Features.Contracts;

/// <summary>A contract in the list.</summary>
public sealed record ContractListItem(string Slug, string Title, int Year, string Owner, string Hub);

/// <summary>One measured part of a goal.</summary>
public sealed record MeasureDto(string Label, string Status, string Actual, string Target, string? Projection, IReadOnlyList<string> Explanation);

/// <summary>A goal with its status now.</summary>
public sealed record GoalDto(int Number, string Title, string Scope, string Target, string Method, string Reporting, string Cadence,
    string Status, string StatusLabel, IReadOnlyList<MeasureDto> Measures, string? QualitativeText, IReadOnlyList<string> Evidence);

/// <summary>The contract with every goal's status.</summary>
public sealed record ContractStatusDto(string Slug, string Title, int Year, DateOnly? DataDate, DateTime? LastImportUtc, int Registrations, int Evaluations,
    string? DemoNote, IReadOnlyList<GoalDto> Goals);
