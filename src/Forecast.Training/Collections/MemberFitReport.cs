namespace Forecast.Training.Collections;

/// <summary>How far a statistical method's fitting of a collection's members has come: reported after each batch of them.</summary>
/// <param name="Batch">The members fitted since the last report, in the order they finished: what a checkpoint keeps.</param>
/// <param name="Fitted">Members fitted so far, those an earlier attempt of the run fitted included: the run's progress.</param>
/// <param name="Total">Every member of the collection.</param>
/// <param name="Loss">
/// The batch's mean one-step squared error over the last season before each member's test tail, each member's divided by its squared MASE scale so that members of
/// any level weigh alike (<see cref="PooledCalibration.ScaleAt"/>).
/// </param>
/// <param name="Elapsed">Fitting time of this attempt so far.</param>
public sealed record MemberFitReport(IReadOnlyList<MemberFit> Batch, int Fitted, int Total, double Loss, TimeSpan Elapsed);
