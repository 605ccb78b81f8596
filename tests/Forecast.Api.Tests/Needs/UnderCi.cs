namespace Forecast.Api.Tests.Needs;

/// <summary>
/// Whether this run is CI's (CI=true). Under CI a missing program is an error, not a reason to skip: .ci/run installs
/// them, so their absence would let the run pass without testing the page or scale-out.
/// </summary>
public static class UnderCi
{
    public static bool Value { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
