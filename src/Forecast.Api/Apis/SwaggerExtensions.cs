using Forecast.Api.Security;
using Forecast.Domain.Runs;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Forecast.Api.Apis;

/// <summary>Whether <c>/swagger</c> is served (section <c>Swagger</c>).</summary>
public sealed class SwaggerOptions
{
    public const string Section = "Swagger";

    /// <summary>Unset: on in Development, off elsewhere, since the document maps the whole API for anyone.</summary>
    public bool? Enabled { get; set; }
}

public static class SwaggerExtensions
{
    /// <summary>Where the OpenAPI document is served whether or not Swagger UI is on; <c>docs/openapi.json</c> is its committed copy.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    private const string KeyScheme = "ApiKey";

    // The contracts and the domain types in them (hyperparameters, metrics, evaluations) are documented in their own assemblies.
    private static readonly string[] DocumentedAssemblies = ["Forecast.Api", "Forecast.Domain", "Forecast.Training"];

    public static IHostApplicationBuilder AddForecastSwagger(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SwaggerOptions>().BindConfiguration(SwaggerOptions.Section);
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Forecast API",
                Version = "v1",
                Description = "Upload a time series, train an LSTM on it in the background, read its loss curve, evaluation and forecasts.",
                // The repository grants no licence; the document says so rather than leaving it unsaid.
                License = new OpenApiLicense { Name = "Proprietary: no licence granted" },
            });
            // Relative: the API is wherever the document was read from, whatever host or proxy served it.
            swagger.AddServer(new OpenApiServer { Url = "/", Description = "The service that served this document" });
            // A reference that cannot be null is not declared nullable, and every member that cannot be null is required,
            // so that a generated client's types say what the C# types say.
            swagger.SupportNonNullableReferenceTypes();
            swagger.SchemaFilter<OpenApiRequiredMembers>();
            swagger.DocumentFilter<OpenApiTags>();
            swagger.OperationFilter<OpenApiAccessResponses>();
            swagger.OperationFilter<OpenApiUploadBodies>();
            swagger.OperationFilter<OpenApiResponseAlternatives>();
            swagger.AddSecurityDefinition(KeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyHandler.HeaderName,
                Description = "A client key from POST /api/keys, or the admin key.",
            });
            swagger.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [],
            });
            // Written as its name, as the request's transform is.
            swagger.MapType<TransformChoice>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "\"auto\" or a pipeline such as \"log+seasonalDifference\"",
            });
            // A property that refers to another schema keeps its own description (OpenAPI 3.0 ignores siblings of a bare $ref).
            swagger.UseAllOfToExtendReferenceSchemas();
            swagger.DocumentFilter<OpenApiReferenceWrappers>();
            foreach (var assembly in DocumentedAssemblies)
            {
                var docs = Path.Combine(AppContext.BaseDirectory, $"{assembly}.xml");
                if (File.Exists(docs))
                {
                    swagger.IncludeXmlComments(docs);
                }
            }
        });
        return builder;
    }

    /// <summary>The document and UI, open to anyone when enabled; the UI's "Authorize" takes the key.</summary>
    public static WebApplication UseForecastSwagger(this WebApplication app)
    {
        if (app.IsSwaggerEnabled())
        {
            app.UseSwagger();
            app.UseSwaggerUI();
        }
        return app;
    }

    /// <summary>
    /// The document at <see cref="DocumentPath"/> for client generators and tools, served whether or not Swagger UI is:
    /// open to anyone where Swagger is on, and elsewhere to any valid key (whoever holds one may call the API anyway).
    /// </summary>
    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        var document = app.MapSwagger("/openapi/{documentName}.json").ExcludeFromDescription();
        if (app.IsSwaggerEnabled())
        {
            document.AllowAnonymous();
        }
        return app;
    }

    public static bool IsSwaggerEnabled(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<SwaggerOptions>>().Value.Enabled ?? app.Environment.IsDevelopment();
}
