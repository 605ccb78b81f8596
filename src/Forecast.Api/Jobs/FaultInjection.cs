using System.Diagnostics;
using Forecast.Api.Runs;

namespace Forecast.Api.Jobs;

/// <summary>
/// Test-only: kills this process the moment it claims a run on a series of a given name, before the run can
/// checkpoint anything, as a run that crashes its process (a native fault, an out-of-memory kill) would; or once a
/// statistical collection run has recorded a given number of members fitted, as a kill -9 mid-run would; or holds a training
/// run before it records a given epoch until the host stops, so that a test stops a host mid-run however fast the run trains. Honoured only in
/// the <c>Testing</c> environment, so no setting can make a deployed service kill itself.
/// </summary>
public sealed class FaultInjection(IConfiguration configuration, IHostEnvironment environment)
{
    public const string SettingKey = "Testing:KillProcessOnClaimOfSeries";

    public const string MemberFitsSettingKey = "Testing:KillProcessAfterMemberFits";

    public const string HoldEpochSettingKey = "Testing:HoldBeforeRecordingEpoch";

    private readonly string? series = environment.IsEnvironment("Testing") ? configuration[SettingKey] : null;

    private readonly int? memberFits = environment.IsEnvironment("Testing") ? configuration.GetValue<int?>(MemberFitsSettingKey) : null;

    private readonly int? holdEpoch = environment.IsEnvironment("Testing") ? configuration.GetValue<int?>(HoldEpochSettingKey) : null;

    /// <summary>Blocks until the host stops when <paramref name="epoch"/> is the one to hold at.</summary>
    public void BeforeRecordingEpoch(int epoch, CancellationToken hostStopping)
    {
        if (epoch == holdEpoch)
        {
            hostStopping.WaitHandle.WaitOne();
        }
    }

    public void OnClaimed(ClaimedRun claim)
    {
        if (series is not null && claim.Subject is SeriesSubject { Series.Name: var name } && name == series)
        {
            Die();
        }
    }

    /// <param name="fitted">The members of the run fitted and stored so far.</param>
    public void OnMembersRecorded(int fitted)
    {
        if (fitted >= memberFits)
        {
            Die();
        }
    }

    private static void Die()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
