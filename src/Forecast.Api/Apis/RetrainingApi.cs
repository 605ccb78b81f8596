using Forecast.Api.Contracts;
using Forecast.Api.Registry;
using Forecast.Api.Retraining;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Apis;

/// <summary>
/// Retraining policies: a series or a collection retrains itself on a schedule, after new observations, or when its live
/// accuracy slips, and offers each new model to an alias, which moves only if the model beats the one it points at.
/// </summary>
public static class RetrainingApi
{
    public static IEndpointRouteBuilder MapRetrainingApi(this IEndpointRouteBuilder app)
    {
        MapPolicies(app.MapGroup("/api/series/{id:guid}"), "Series", ListSeriesPolicies, GetSeriesPolicy, PutSeriesPolicy, DeleteSeriesPolicy);
        MapPolicies(app.MapGroup("/api/collections/{id:guid}"), "Collection", ListCollectionPolicies, GetCollectionPolicy, PutCollectionPolicy, DeleteCollectionPolicy);
        return app;
    }

    private static void MapPolicies(RouteGroupBuilder group, string subject, Delegate list, Delegate get, Delegate put, Delegate delete)
    {
        group.WithTags("Retraining");
        group.MapGet("/retraining", list).WithName($"List{subject}RetrainingPolicies")
            .WithSummary("The retraining policies, each with its next tick and its newest history")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/retraining/{name}", get).WithName($"Get{subject}RetrainingPolicy")
            .WithSummary("One retraining policy with its history: every run it started and its outcome, every skip and why")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/retraining/{name}", put).WithName($"Put{subject}RetrainingPolicy")
            .WithSummary("Create or replace a retraining policy (which also resumes a paused one): the alias to feed, what to train, when, and how a new model must beat the alias's current one")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/retraining/{name}", delete).WithName($"Delete{subject}RetrainingPolicy")
            .WithSummary("Delete a retraining policy and its history; the runs it started stay")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<RetrainingPolicyResponse>>> ListSeriesPolicies(Guid id, RetrainingPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.ListAsync(AliasSubjectKind.Series, id, cancellationToken));

    public static async Task<Ok<List<RetrainingPolicyResponse>>> ListCollectionPolicies(Guid id, RetrainingPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.ListAsync(AliasSubjectKind.Collection, id, cancellationToken));

    public static async Task<Ok<RetrainingPolicyResponse>> GetSeriesPolicy(Guid id, string name, RetrainingPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.GetAsync(AliasSubjectKind.Series, id, name, cancellationToken));

    public static async Task<Ok<RetrainingPolicyResponse>> GetCollectionPolicy(Guid id, string name, RetrainingPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.GetAsync(AliasSubjectKind.Collection, id, name, cancellationToken));

    public static Task<Results<Created<RetrainingPolicyResponse>, Ok<RetrainingPolicyResponse>>> PutSeriesPolicy(
        Guid id, string name, RetrainingPolicyRequest body, RetrainingPolicies policies, CancellationToken cancellationToken) =>
        PutAsync(AliasSubjectKind.Series, $"/api/series/{id}/retraining/{name}", id, name, body, policies, cancellationToken);

    public static Task<Results<Created<RetrainingPolicyResponse>, Ok<RetrainingPolicyResponse>>> PutCollectionPolicy(
        Guid id, string name, RetrainingPolicyRequest body, RetrainingPolicies policies, CancellationToken cancellationToken) =>
        PutAsync(AliasSubjectKind.Collection, $"/api/collections/{id}/retraining/{name}", id, name, body, policies, cancellationToken);

    public static async Task<NoContent> DeleteSeriesPolicy(Guid id, string name, RetrainingPolicies policies, CancellationToken cancellationToken)
    {
        await policies.DeleteAsync(AliasSubjectKind.Series, id, name, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteCollectionPolicy(Guid id, string name, RetrainingPolicies policies, CancellationToken cancellationToken)
    {
        await policies.DeleteAsync(AliasSubjectKind.Collection, id, name, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<RetrainingPolicyResponse>, Ok<RetrainingPolicyResponse>>> PutAsync(
        AliasSubjectKind kind, string location, Guid id, string name, RetrainingPolicyRequest body, RetrainingPolicies policies, CancellationToken cancellationToken)
    {
        var (policy, created) = await policies.PutAsync(kind, id, name, body, cancellationToken);
        return created ? TypedResults.Created(location, policy) : TypedResults.Ok(policy);
    }
}
