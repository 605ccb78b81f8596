namespace Forecast.Api.Persistence;

/// <summary>
/// A name that points at one model of a series or a collection (its subject). <see cref="Version"/> grows with every
/// move, so that a move is a conditional update on the version it read and two concurrent moves cannot both win.
/// </summary>
public sealed class AliasEntity
{
    /// <summary>The series or collection the alias belongs to.</summary>
    public Guid SubjectId { get; set; }
    public required string Name { get; set; }
    public Guid ModelId { get; set; }
    public Guid OwnerKeyId { get; set; }
    public int Version { get; set; }
    public DateTime MovedAt { get; set; }
}

/// <summary>One move of an alias, kept for ever: who moved it, when, from which model to which, and why.</summary>
public sealed class AliasMoveEntity
{
    public long Id { get; set; }
    public Guid SubjectId { get; set; }
    public required string Name { get; set; }
    public Guid OwnerKeyId { get; set; }

    /// <summary>The model the alias pointed at before; null when the move created it.</summary>
    public Guid? FromModelId { get; set; }

    /// <summary>The model it points at after; null when the move deleted it.</summary>
    public Guid? ToModelId { get; set; }

    /// <summary>Who moved it: <c>key {id}</c>, <c>admin</c>, or <c>run {id}</c> for a promotion.</summary>
    public required string MovedBy { get; set; }
    public DateTime MovedAt { get; set; }

    /// <summary>Why, when the service moved it (a promotion on merit); null for a client's move.</summary>
    public string? Reason { get; set; }
}
