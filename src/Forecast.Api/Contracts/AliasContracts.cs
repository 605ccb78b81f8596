namespace Forecast.Api.Contracts;

public sealed record MoveAliasRequest(Guid ModelId);

/// <param name="MovedBy"><c>key {id}</c>, <c>admin</c>, or <c>run {id}</c> for a promotion on merit.</param>
/// <param name="FromModelId">Null when the move created the alias.</param>
/// <param name="ToModelId">Null when the move deleted it.</param>
public sealed record AliasMoveItem(Guid? FromModelId, Guid? ToModelId, string MovedBy, DateTime MovedAt, string? Reason);

/// <param name="History">Every move of the alias, newest first; listed with one alias, empty in a list of them.</param>
public sealed record AliasResponse(string Name, Guid ModelId, DateTime MovedAt, IReadOnlyList<AliasMoveItem> History);
