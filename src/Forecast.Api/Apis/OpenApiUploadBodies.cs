using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forecast.Api.Apis;

/// <summary>
/// An upload route reads its body itself, as JSON, CSV or a multipart form (<c>Accepts</c> names the three), so the
/// generator gives every one the JSON request's schema. This says what the other two are: CSV text, and a form whose
/// field <c>file</c> holds the CSV (its other settings go in the query, as for a CSV body).
/// </summary>
internal sealed class OpenApiUploadBodies : IOperationFilter
{
    private const string Csv = "text/csv";
    private const string Multipart = "multipart/form-data";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is not { } content || !content.ContainsKey(Csv))
        {
            return;
        }
        content[Csv] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The CSV file's text." },
        };
        if (content.ContainsKey(Multipart))
        {
            content[Multipart] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The CSV file." },
                    },
                },
            };
        }
    }
}
