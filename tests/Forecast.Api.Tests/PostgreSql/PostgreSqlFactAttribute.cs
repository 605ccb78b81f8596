using Forecast.Api.Tests.Needs;
using Xunit.Sdk;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>
/// A test that needs a PostgreSQL server: skipped with the install command where PostgreSQL's server programs are
/// missing (except under CI, where the server fixture fails instead), tagged <c>Needs=PostgreSQL</c>.
/// </summary>
[TraitDiscoverer(NeedsTraitDiscoverer.TypeName, NeedsTraitDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute, INeedsProgram, ITraitAttribute
{
    public PostgreSqlFactAttribute() => Skip = UnderCi.Value ? null : PostgreSqlPrograms.Missing;

    public string Program => "PostgreSQL";
}
