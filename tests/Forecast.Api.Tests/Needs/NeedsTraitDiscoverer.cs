using Xunit.Abstractions;
using Xunit.Sdk;

namespace Forecast.Api.Tests.Needs;

/// <summary>Gives every <see cref="INeedsProgram"/> test the trait <c>Needs</c> (filter with <c>--filter Needs=Chromium</c>).</summary>
public sealed class NeedsTraitDiscoverer : ITraitDiscoverer
{
    public const string TypeName = "Forecast.Api.Tests.Needs.NeedsTraitDiscoverer";

    // The attribute files are compiled into both test assemblies (Forecast.Service.Tests links them), and xunit finds a
    // discoverer by assembly name.
#if SERVICE_TESTS
    public const string AssemblyName = "Forecast.Service.Tests";
#else
    public const string AssemblyName = "Forecast.Api.Tests";
#endif

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        traitAttribute is IReflectionAttributeInfo { Attribute: INeedsProgram needs } ? [new("Needs", needs.Program)] : [];
}
