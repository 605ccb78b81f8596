using Forecast.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forecast.Api.Apis;

/// <summary>
/// Declares the answers the key check and the rate limiter give on every operation they guard, read from the
/// endpoint's own metadata rather than repeated on each route: 401 wherever a key is required (every endpoint but
/// those marked AllowAnonymous, since the fallback policy requires one), 403 on admin routes, and 429 where a client
/// key may reach the handler (<c>Limits:RequestsPerMinute</c>). Admin routes never answer 429: a client key is
/// refused there before the limiter counts it, and the admin key is not limited.
/// </summary>
internal sealed class OpenApiAccessResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem(problem,
            $"No valid API key: the {ApiKeyHandler.HeaderName} header is missing, or names an unknown or revoked key."));
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == AuthExtensions.AdminPolicy))
        {
            operation.Responses.TryAdd("403", Problem(problem, "A client key on a route for the admin key only."));
            return;
        }
        var tooMany = Problem(problem, "This client key made too many requests; retry after the number of seconds in Retry-After.");
        tooMany.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds until the key's window allows another request.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            },
        };
        operation.Responses.TryAdd("429", tooMany);
    }

    private static OpenApiResponse Problem(IOpenApiSchema problem, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
    };
}
