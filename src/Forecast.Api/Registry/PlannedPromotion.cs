using Forecast.Api.Persistence;
using Forecast.Domain.Registry;

namespace Forecast.Api.Registry;

/// <summary>
/// A run's promotion as decided before its model is stored: which alias, the holder it was compared with (null when
/// the alias did not exist), and the decision. It is carried out in the transaction that marks the run Succeeded,
/// so a client never sees a succeeded run whose promotion is still to come.
/// </summary>
public sealed record PlannedPromotion(AliasSubject Subject, string Alias, AliasEntity? Holder, PromotionDecision Decision);
