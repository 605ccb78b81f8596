using System.Text.Json;
using Forecast.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace Forecast.Api.Errors;

/// <summary>Maps every exception that reaches the pipeline to an RFC 9457 problem-details response.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, field) = exception switch
        {
            UnprocessableException e => (StatusCodes.Status422UnprocessableEntity, "The request cannot be processed", e.Message, e.Field),
            DomainValidationException e => (StatusCodes.Status400BadRequest, "Invalid request", e.Message, e.Field),
            NotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message, null),
            ConflictException e => (StatusCodes.Status409Conflict, "Conflict", e.Message, null),
            UnsupportedContentTypeException e => (StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", e.Message, null),
            TooManyRequestsException e => (StatusCodes.Status429TooManyRequests, "Too many requests", e.Message, null),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode switch
            {
                StatusCodes.Status408RequestTimeout => "Request body too slow",
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status414UriTooLong => "Request target too long",
                StatusCodes.Status431RequestHeaderFieldsTooLarge => "Request headers too large",
                _ => "Bad request",
            }, Describe(e), null),
            JsonException e => (StatusCodes.Status400BadRequest, "Malformed JSON", JsonErrorText.Describe(e), e.Path),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred; it has been logged.", null),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (!string.IsNullOrEmpty(field))
        {
            problem.Extensions["field"] = field;
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // The framework's message for a body it could not read names the parameter's .NET type; the JSON error says where
    // the body broke and what it expected there.
    // Kestrel's message for a slow body names its own option; the service's names the setting that sets it.
    private static string Describe(BadHttpRequestException e) => e switch
    {
        { InnerException: JsonException json } => $"The request body is not the JSON this request takes: {JsonErrorText.Describe(json)}",
        { StatusCode: StatusCodes.Status408RequestTimeout } =>
            "The request body arrived too slowly: slower than Limits:MinRequestBodyBytesPerSecond once Limits:SlowBodyGracePeriod had passed.",
        // The framework's words for a missing body name its parameter and ask whether a service was meant.
        _ when e.Message.Contains("no body was provided", StringComparison.Ordinal) || e.Message.Contains("from body", StringComparison.Ordinal) =>
            "This request takes a JSON body, and none was sent; see /swagger for its fields.",
        _ => e.Message,
    };
}
