using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forecast.Api.Apis;

/// <summary>
/// Tidies the one-item <c>allOf</c> that <c>UseAllOfToExtendReferenceSchemas</c> wraps around every reference, which
/// OpenAPI 3.0 needs for a property to keep a description or be nullable beside a <c>$ref</c>. A wrapper that adds
/// nothing (a body, a property without a description) becomes the reference again; a nullable one says its type too,
/// since 3.0 reads <c>nullable</c> only beside a <c>type</c>.
/// </summary>
internal sealed class OpenApiReferenceWrappers : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = context.SchemaRepository.Schemas;
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            var bodies = (operation.RequestBody?.Content?.Values.AsEnumerable() ?? [])
                .Concat((operation.Responses?.Values.AsEnumerable() ?? []).SelectMany(response => response.Content?.Values.AsEnumerable() ?? []));
            foreach (var body in bodies)
            {
                if (body.Schema is OpenApiSchema { AllOf: [OpenApiSchemaReference only] } wrapper && AddsNothing(wrapper))
                {
                    body.Schema = only;
                }
            }
        }
        foreach (var properties in schemas.Values.Select(schema => schema.Properties).OfType<IDictionary<string, IOpenApiSchema>>())
        {
            foreach (var (name, property) in properties.ToList())
            {
                if (property is not OpenApiSchema { AllOf: [OpenApiSchemaReference reference] } wrapper)
                {
                    continue;
                }
                if (AddsNothing(wrapper))
                {
                    properties[name] = reference;
                }
                else if (wrapper.Type is JsonSchemaType.Null && reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target)
                    && target.Type is { } type)
                {
                    wrapper.Type = type | JsonSchemaType.Null;
                }
            }
        }
    }

    private static bool AddsNothing(OpenApiSchema wrapper) =>
        wrapper.Description is null && wrapper.Type is null && wrapper.Properties is not { Count: > 0 } && wrapper.Default is null;
}
