using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forecast.Api.Apis;

/// <summary>
/// Marks as required every property whose member cannot be null: the service always writes it, and a client
/// generator then types it as present. A member that may be null stays optional, and so says it may be missing, which
/// is the only way OpenAPI 3.0 lets a property that refers to another schema (an enum, a nested record) say so.
/// </summary>
internal sealed class OpenApiRequiredMembers : ISchemaFilter
{
    private readonly NullabilityInfoContext nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } described)
        {
            return;
        }
        var required = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => !MayBeNull(property))
            .Select(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name))
            .Where(described.Properties.ContainsKey);
        described.Required = new SortedSet<string>(described.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        described.Required.UnionWith(required);
    }

    private bool MayBeNull(PropertyInfo property) => property.PropertyType.IsValueType
        ? Nullable.GetUnderlyingType(property.PropertyType) is not null
        : nullability.Create(property).ReadState != NullabilityState.NotNull;
}
