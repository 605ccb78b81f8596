using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forecast.Api.Apis;

/// <summary>
/// A handler may answer one status with either of two bodies (a series' model or a collection's, from
/// <c>Results&lt;Ok&lt;A&gt;, Ok&lt;B&gt;&gt;</c>), in either of two media types (JSON or a CSV stream), or with a body
/// it writes itself (the event stream). The generator, whose API description keeps one response per status, keeps
/// the last of them and drops a body without a type; this describes every one, as the endpoint's metadata declares
/// them: per media type its schema, <c>anyOf</c> where it has several (the bodies share fields, so they are not exclusive as <c>oneOf</c> would claim), and text where the body is written by hand.
/// </summary>
internal sealed class OpenApiResponseAlternatives : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>();
        foreach (var status in declared.GroupBy(r => r.StatusCode))
        {
            if (operation.Responses?.GetValueOrDefault(status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not OpenApiResponse response
                || (status.Count() == 1 && response.Content is { Count: > 0 }))
            {
                continue;
            }
            response.Content = status
                .SelectMany(r => r.ContentTypes.Select(mediaType => (MediaType: mediaType, r.Type)))
                .GroupBy(body => body.MediaType)
                .ToDictionary(media => media.Key, media =>
                {
                    var schemas = media.Select(body => body.Type).OfType<Type>().Where(type => type != typeof(void)).Distinct()
                        .Select(type => context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository)).ToList();
                    return new OpenApiMediaType
                    {
                        Schema = schemas.Count switch
                        {
                            0 => new OpenApiSchema { Type = JsonSchemaType.String },
                            1 => schemas[0],
                            _ => new OpenApiSchema { AnyOf = schemas },
                        },
                    };
                });
        }
    }
}
