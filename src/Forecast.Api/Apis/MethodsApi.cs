using Forecast.Api.Contracts;
using Forecast.Training.Methods;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Apis;

public static class MethodsApi
{
    public static IEndpointRouteBuilder MapMethodsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/methods", ListMethods)
            .WithTags("Training runs")
            .WithName(nameof(ListMethods))
            .WithSummary("The forecasting methods a training run may name, each with the fields it takes");
        return app;
    }

    public static Ok<IReadOnlyList<MethodResponse>> ListMethods() =>
        TypedResults.Ok<IReadOnlyList<MethodResponse>>(
            [.. ForecastingMethods.All.Select(m => new MethodResponse(m.Name, m.Description, ForecastingMethods.FieldsOf(m)))]);
}
