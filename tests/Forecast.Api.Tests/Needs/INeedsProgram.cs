namespace Forecast.Api.Tests.Needs;

/// <summary>
/// A test attribute for tests that need a program outside .NET (Chromium, PostgreSQL's server). It decides, before
/// any fixture or test body runs, whether the test is skipped, and tags it with the trait <c>Needs=Program</c> so that
/// <c>.ci/run</c> can select these tests and run them again with the programs hidden.
/// </summary>
public interface INeedsProgram
{
    /// <summary>The trait value: what the test needs.</summary>
    string Program { get; }
}
