namespace Forecast.Api.Registry;

/// <summary>What an alias belongs to: a series, whose models are a series' models, or a collection, whose are global models.</summary>
public enum AliasSubjectKind
{
    Series,
    Collection,
}

/// <param name="Id">The series' or collection's id.</param>
/// <param name="OwnerKeyId">The key that owns it, and so its aliases.</param>
public sealed record AliasSubject(AliasSubjectKind Kind, Guid Id, Guid OwnerKeyId);
