using System.Text.Json;
using Forecast.Training.Collections;

namespace Forecast.Api.Persistence;

/// <summary>One member of a collection's model scored on its test tail; MASE and sMAPE are columns to sort by.</summary>
public sealed class MemberEvaluationEntity
{
    public Guid ModelId { get; set; }
    public required string Key { get; set; }

    /// <summary>The member as a series (<c>/api/series/{id}</c>).</summary>
    public Guid SeriesId { get; set; }

    /// <summary>The index in the member of its test tail's first point: the member may have grown since it was scored.</summary>
    public int ForecastOrigin { get; set; }

    /// <summary>The model's multi-step MASE on the tail; null when undefined (a constant training part).</summary>
    public double? Mase { get; set; }
    public double? Smape { get; set; }
    public required EvaluatedMember Evaluation { get; set; }

    /// <summary>A statistical method's fitted state of this member (<see cref="MemberFit.State"/>); null under a global network.</summary>
    public JsonElement? Fit { get; set; }
}
