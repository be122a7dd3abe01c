namespace Samraad.Common;

/// <summary>An error that belongs to one field (a form's leaf key, or an input's name), in Danish.</summary>
public sealed record FieldError(string Key, string Message);
