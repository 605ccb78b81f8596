using System.Globalization;

namespace Forecast.Domain.Registry;

/// <summary>What a run asks for its model once trained: to be pointed at by <paramref name="Alias"/>, on merit or regardless.</summary>
/// <param name="Alias">The alias to move, e.g. production; created if new.</param>
/// <param name="OnlyIfBetter">Move the alias only if the new model's multi-step MASE beats its current holder's on the same points.</param>
public sealed record PromotionRequest(string Alias, bool OnlyIfBetter = true);

/// <summary>Whether a promotion moves its alias, and why in plain words, as the run records it.</summary>
public sealed record PromotionDecision(bool Moves, string Reason)
{
    /// <param name="candidateMase">The new model's multi-step MASE on its test tail.</param>
    /// <param name="holder">The model the alias points at now, null when there is none.</param>
    /// <param name="holderMase">The holder's MASE on the same points as the candidate's; null when undefined there.</param>
    /// <param name="basis">What both were scored on, in words (<see cref="OnLastPoints"/>, <see cref="OverWindows"/>).</param>
    public static PromotionDecision Decide(PromotionRequest request, double? candidateMase, Guid? holder, double? holderMase, string basis)
    {
        var alias = request.Alias;
        if (holder is null)
        {
            return new PromotionDecision(true, $"'{alias}' pointed at no model; it now points at this run's (MASE {F(candidateMase)} {basis}).");
        }
        if (!request.OnlyIfBetter)
        {
            return new PromotionDecision(true, $"moved '{alias}' from model {holder} (MASE {F(holderMase)}) without comparing, as asked (onlyIfBetter false); this run's scored {F(candidateMase)} {basis}.");
        }
        if (candidateMase is not { } candidate || !double.IsFinite(candidate))
        {
            return new PromotionDecision(false, $"kept '{alias}' on model {holder}: this run's MASE is undefined {basis}, so it cannot be shown better.");
        }
        if (holderMase is { } held && double.IsFinite(held) && candidate >= held)
        {
            return new PromotionDecision(false, $"kept '{alias}' on model {holder}: its MASE {basis} is {F(held)}, this run's {F(candidate)} is not lower.");
        }
        return new PromotionDecision(true, holderMase is { } beaten && double.IsFinite(beaten)
            ? $"moved '{alias}' from model {holder} (MASE {F(beaten)}) to this run's (MASE {F(candidate)}), both scored {basis}."
            : $"moved '{alias}' from model {holder}, whose MASE is undefined {basis}, to this run's (MASE {F(candidate)}).");
    }

    /// <summary>The basis of a comparison on the test tail.</summary>
    public static string OnLastPoints(int points) => $"on the last {points} points";

    /// <summary>The basis of a comparison on a backtest's windows: the mean MASE over them.</summary>
    public static string OverWindows(int windows, int points) => $"as the mean over {windows} backtest windows of {points} points";

    private static string F(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";
}
