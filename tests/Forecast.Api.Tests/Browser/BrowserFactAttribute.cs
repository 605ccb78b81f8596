using Forecast.Api.Tests.Needs;
using Xunit.Sdk;

namespace Forecast.Api.Tests.Browser;

/// <summary>
/// A test that drives the page in Chromium: skipped with the install command where Chromium is missing (except under
/// CI, where the host fails instead), tagged <c>Needs=Chromium</c>.
/// </summary>
[TraitDiscoverer(NeedsTraitDiscoverer.TypeName, NeedsTraitDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute, INeedsProgram, ITraitAttribute
{
    public BrowserFactAttribute() => Skip = UnderCi.Value ? null : ChromiumProgram.Missing;

    public string Program => "Chromium";
}
