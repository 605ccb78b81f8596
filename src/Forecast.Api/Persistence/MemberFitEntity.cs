using System.Text.Json;

namespace Forecast.Api.Persistence;

/// <summary>
/// A statistical collection run's checkpoint, one row per member fitted so far: its fitted state, written with the run's
/// progress, so that a run whose process dies resumes with every member stored and fits only the others.
/// </summary>
public sealed class MemberFitEntity
{
    public Guid RunId { get; set; }
    public required string Key { get; set; }
    public required JsonElement State { get; set; }
}
