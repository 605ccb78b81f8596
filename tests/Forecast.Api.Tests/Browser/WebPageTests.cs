using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forecast.Api.Tests.Browser;

/// <summary>The web page in a real browser against the real service: what a person does, and what they see.</summary>
public sealed class WebPageTests : IClassFixture<WebPageHost>
{
    private readonly WebPageHost host;

    public WebPageTests(WebPageHost host)
    {
        this.host = host;
        // Training runs for seconds on a shared 2-core machine; the page must keep up, not answer within Playwright's default 5 s.
        SetDefaultExpectTimeout(60_000);
    }

    [BrowserFact]
    public async Task A_series_uploaded_on_the_page_trains_while_its_loss_curve_grows_and_its_model_shows_the_forecast_in_its_bands()
    {
        await using var tab = await host.OpenAsync();
        var page = tab.Page;

        await page.Locator("#upload-file").SetInputFilesAsync(ApiClient.DataFile("airpassengers.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(page.Locator("#upload-result")).ToContainTextAsync("Uploaded “airpassengers”: 144 monthly points from 1949-01-01 to 1960-12-01.");
        await Expect(page.Locator("#upload-result")).ToContainTextAsync("No missing periods.");
        await Expect(page.Locator("#series-list tbody tr")).ToHaveCountAsync(1);
        await tab.LookAsync("home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the series" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "airpassengers", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#diagnostics .interpretation li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#diagnostics figure")).ToHaveCountAsync(2);
        await Expect(page.Locator("#field-lookback")).ToHaveAttributeAsync("placeholder", "36");
        await Expect(page.Locator("#field-epochs")).ToHaveAttributeAsync("max", "10000");
        await tab.LookAsync("series");

        // Small enough to train in seconds, slow enough per epoch (one window a batch, no early stop) to be watched.
        await page.GetByLabel("Epochs").FillAsync("40");
        await page.GetByLabel("Hidden size").FillAsync("16");
        await page.GetByLabel("Lookback").FillAsync("24");
        await page.GetByLabel("Test size").FillAsync("12");
        await page.GetByLabel("Transform").FillAsync("none");
        await page.GetByLabel("Seed").FillAsync("7");
        await page.GetByText("More settings").ClickAsync();
        await page.GetByLabel("Batch size").FillAsync("1");
        await page.GetByLabel("Early stopping patience").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Training run" })).ToBeVisibleAsync();
        var seen = await WatchLossCurveAsync(page);
        Assert.True(seen.Count(epochs => epochs > 0 && epochs < 40) >= 2, $"the curve showed {string.Join(", ", seen)} epochs while training");
        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Status: succeeded");
        await Expect(page.Locator("#run-progress-text")).ToContainTextAsync("Epoch 40 of 40 (100 %)");
        await Expect(page.Locator("#loss figure")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("for 40 epochs"));
        await tab.LookAsync("run");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the model" }).ClickAsync();
        await Expect(page.Locator("#metrics tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#test-tail figure")).ToHaveCountAsync(1);
        var modelId = new Uri(page.Url).Fragment.Split('/')[^1];
        using var admin = host.Service.CreateClient();
        var model = await (await admin.GetAsync($"/api/models/{modelId}")).ReadAsync<Forecast.Api.Contracts.ModelResponse>();
        Assert.Equal(model.SkillVsSeasonalNaive!.Value, Number(await page.Locator("#metrics tbody tr").First.Locator("td").Last.InnerTextAsync()), 2);
        var forecast = page.Locator("#forecast figure");
        await Expect(forecast.Locator(".u-legend")).ToContainTextAsync("80 % upper");
        await Expect(forecast.Locator(".u-legend")).ToContainTextAsync("95 % lower");
        await Expect(page.Locator("#forecast-table tbody tr")).ToHaveCountAsync(12);
        var rows = await page.Locator("#forecast-table tbody tr").AllAsync();
        foreach (var row in rows)
        {
            var cells = (await row.Locator("td").AllTextContentsAsync()).Select(Number).ToList();
            // forecast, 80 % lower and upper, 95 % lower and upper: the 95 % band holds the 80 % band, which holds the forecast.
            Assert.True(cells[3] <= cells[1] && cells[1] <= cells[0] && cells[0] <= cells[2] && cells[2] <= cells[4], string.Join(" ", cells));
        }
        Assert.Equal("1961-01-01", await rows[0].Locator("th").TextContentAsync());
        await tab.LookAsync("model");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        var csv = (await File.ReadAllLinesAsync(await download.PathAsync())).ToList();
        Assert.Equal("timestamp,value,lower_80,upper_80,lower_95,upper_95", csv[0]);
        Assert.Equal(13, csv.Count);
        Assert.StartsWith("1961-01-01,", csv[1], StringComparison.Ordinal);
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_long_run_is_cancelled_from_its_page_and_keeps_the_epochs_it_trained()
    {
        await using var tab = await host.OpenAsync();
        var page = tab.Page;
        await page.Locator("#upload-file").SetInputFilesAsync(ApiClient.DataFile("airpassengers.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the series" }).ClickAsync();
        await page.GetByLabel("Epochs").FillAsync("5000");
        await page.GetByLabel("Hidden size").FillAsync("8");
        await page.GetByLabel("Transform").FillAsync("none");
        // Without early stopping, which would end the run on its own within seconds.
        await page.GetByText("More settings").ClickAsync();
        await page.GetByLabel("Early stopping patience").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();

        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Status: running");
        await Expect(page.Locator("#run-progress-text")).ToContainTextAsync("left");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the run" }).ClickAsync();

        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Status: cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel the run" })).ToBeDisabledAsync();
        await Expect(page.Locator("#loss figure")).Not.ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("for 0 epochs"));
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task Leaving_a_run_page_while_it_reads_the_finished_run_again_is_no_script_error()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, new { epochs = 5000, hiddenSize = 8, transform = "none", earlyStoppingPatience = 0 });
        // Polled as the administrator, whose requests the key's rate limit does not count.
        using (var admin = host.Service.CreateClient())
        {
            await TrainingFlow.WaitForEpochAsync(admin, run.Id, 1);
        }
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;
        // The page's first read of the run is answered; every later one is held, as a slow network would hold it.
        var reads = 0;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync($"**/api/training-runs/{run.Id}", async route =>
        {
            if (Interlocked.Increment(ref reads) == 1)
            {
                await route.ContinueAsync();
            }
            else
            {
                held.TrySetResult();
            }
        });
        await page.GotoAsync($"/#/runs/{run.Id}");
        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Status: running");

        await client.PostAsync($"/api/training-runs/{run.Id}/cancel", null);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await page.GetByRole(AriaRole.Link, new() { Name = "All series" }).ClickAsync();

        await Expect(page.Locator("#series-list tbody tr")).ToHaveCountAsync(1);
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_method_chosen_on_the_series_page_asks_only_for_its_own_fields_and_its_model_page_names_it()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var series = await TrainingFlow.UploadAsync(client, "nottem.csv");
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;

        await page.GotoAsync($"/#/series/{series.Id}");
        await Expect(page.Locator("#field-lookback")).ToBeVisibleAsync();
        await page.GetByLabel("Method").SelectOptionAsync("theta");
        await Expect(page.Locator("#field-method-hint")).ToContainTextAsync("thetaf");
        await Expect(page.Locator("#field-lookback")).ToBeHiddenAsync();
        await Expect(page.Locator("#field-epochs")).ToBeHiddenAsync();
        await page.GetByLabel("Test size").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();

        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Status: succeeded");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the model" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "THETA model of nottem.csv", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#metrics tbody tr").First).ToContainTextAsync("THETA multi-step");
        var modelId = new Uri(page.Url).Fragment.Split('/')[^1];
        var model = await (await client.GetAsync($"/api/models/{modelId}")).ReadAsync<Forecast.Api.Contracts.ModelResponse>();
        Assert.Equal(("theta", 12), (model.Method, model.TestSize));
        await tab.LookAsync("statistical-model");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_bad_csv_dropped_on_the_page_shows_the_line_that_is_wrong()
    {
        await using var tab = await host.OpenAsync();
        var page = tab.Page;

        // What a file dropped from the desktop gives the page: a DataTransfer holding it.
        var dropped = await page.EvaluateHandleAsync("""
            () => {
              const transfer = new DataTransfer();
              transfer.items.add(new File(['date,value\n2024-01-01,1\n2024-01-02,abc\n'], 'readings.csv', { type: 'text/csv' }));
              return transfer;
            }
            """);
        await page.Locator("#drop-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dropped });

        await Expect(page.Locator("#upload-result .error")).ToHaveTextAsync("400 Invalid request: CSV line 3: 'abc' is not a finite number. (field: file)");
        await Expect(page.Locator("#series-list")).ToContainTextAsync("No series yet");
        await tab.LookAsync("upload-error");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task An_hourly_models_page_shows_its_test_tail_and_forecast_by_the_hour_in_utc()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var series = await (await client.PostCsvAsync(DailyCycle.Csv(DailyCycle.Hour, 14 * 24), "?name=hourly")).ReadAsync<Forecast.Api.Contracts.SeriesResponse>();
        var run = await TrainingFlow.TrainAsync(client, series.Id, TrainingFlow.Tiny(epochs: 2, transform: "none"));
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;

        await page.GotoAsync($"/#/models/{run.ModelId}");

        // A season ahead by default: a day of hours.
        await Expect(page.Locator("#forecast-table tbody tr")).ToHaveCountAsync(24);
        var rows = await page.Locator("#forecast-table tbody tr").AllAsync();
        Assert.Equal("2024-01-14T23:00:00Z", await rows[0].Locator("th").TextContentAsync());
        Assert.Equal("2024-01-15T22:00:00Z", await rows[^1].Locator("th").TextContentAsync());
        await Expect(page.Locator("#test-tail figure")).ToHaveCountAsync(1);
        await Expect(page.Locator("#forecast figure")).ToHaveCountAsync(1);
        await tab.LookAsync("hourly-model");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task Values_typed_on_the_series_page_continue_it_and_its_models_forecast_then_starts_after_them()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var (series, _) = await HeldOutYear.TrainedAsync(client);
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;
        await page.GotoAsync($"/#/series/{series}");
        await Expect(page.Fact("to")).ToHaveTextAsync("1959-12-01");

        await page.GetByLabel("New values").FillAsync(string.Join(", ", HeldOutYear.Withheld[..3].Select(row => row.Split(',')[1])));
        await page.GetByRole(AriaRole.Button, new() { Name = "Append values" }).ClickAsync();

        await Expect(page.Locator("#append-result")).ToContainTextAsync("Appended 3 points after the old end: the series now has 135 points to 1960-03-01, version 2.");
        await Expect(page.Fact("to")).ToHaveTextAsync("1960-03-01");
        await Expect(page.Fact("points")).ToHaveTextAsync("135");
        await Expect(page.GetByLabel("New values")).ToBeEmptyAsync();
        await tab.LookAsync("series-appended");

        await page.Locator("#models tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#forecast-table tbody tr").First.Locator("th")).ToHaveTextAsync("1960-04-01");
        await Expect(page.Locator("#forecast-origin")).ToHaveTextAsync("From 1960-04-01, after the newest observation, seeing version 2 of the series.");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task Appends_the_service_refuses_show_its_message_and_change_nothing_until_revise_replaces_the_stored_value()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var series = await HeldOutYear.UploadAsync(client);
        var (lastDate, lastValue) = (HeldOutYear.Rows[131].Split(',')[0], HeldOutYear.Rows[131].Split(',')[1]);
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;
        await page.GotoAsync($"/#/series/{series}");
        var result = page.Locator("#append-result");

        await page.GetByLabel("New values").FillAsync("417, lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Append values" }).ClickAsync();
        await Expect(result.Locator(".error")).ToHaveTextAsync("‘lots’ is not a finite number.");
        await page.GetByLabel("New values").FillAsync("417, 1e200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Append values" }).ClickAsync();
        await Expect(result.Locator(".error")).ToContainTextAsync("400 Invalid request:");
        await Expect(result.Locator(".error")).ToContainTextAsync("Limits:MaxAbsoluteValue");

        await page.Locator("#append-file").SetInputFilesAsync(new FilePayload
        {
            Name = "revision.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"date,value\n{lastDate},999\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Append the file" }).ClickAsync();
        await Expect(result.Locator(".error")).ToHaveTextAsync(
            $"409 Conflict: The series holds {lastValue} at {lastDate} (point 1 of the append carries 999); send revise=true to replace it.");
        await tab.LookAsync("append-conflict");
        var unchanged = await (await client.GetAsync($"/api/series/{series}?includeValues=true")).ReadAsync<Forecast.Api.Contracts.SeriesResponse>();
        Assert.Equal((1, 132, double.Parse(lastValue, CultureInfo.InvariantCulture)), (unchanged.Version, unchanged.Count, unchanged.Values![^1]));
        await Expect(page.Fact("version")).ToContainTextAsync("1 (");

        await page.GetByLabel("Replace stored values that differ (revise)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Append the file" }).ClickAsync();
        await Expect(result).ToContainTextAsync("Appended 0 points after the old end: the series now has 132 points to 1959-12-01, version 2.");
        await Expect(result).ToContainTextAsync($"Revised: {lastDate}.");
        await Expect(page.Fact("range")).ToHaveTextAsync("104 to 999");
        var revised = await (await client.GetAsync($"/api/series/{series}?includeValues=true")).ReadAsync<Forecast.Api.Contracts.SeriesResponse>();
        Assert.Equal((2, 999.0), (revised.Version, revised.Values![^1]));
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task Once_the_held_out_year_arrives_the_models_page_shows_its_live_accuracy_as_the_api_scores_it_and_an_outlier_among_its_anomalies()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var (series, model) = await HeldOutYear.TrainedAsync(client);
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;
        await page.GotoAsync($"/#/models/{model}");
        await Expect(page.Locator("#live-none")).ToContainTextAsync("No observations have arrived after the test tail, which ends 1959-12-01");
        await Expect(page.Locator("#live-steps")).ToHaveCountAsync(0);

        await HeldOutYear.AppendAsync(client, series, new { values = HeldOutYear.Values(HeldOutYear.Withheld) });
        await HeldOutYear.AppendAsync(client, series, new { values = new[] { 2000.0 } });
        await page.ReloadAsync();

        var live = await (await client.GetAsync($"/api/models/{model}/accuracy")).ReadAsync<Forecast.Api.Contracts.LiveAccuracyResponse>();
        var steps = page.Locator("#live-steps tbody tr");
        await Expect(steps).ToHaveCountAsync(12);
        Assert.Equal(await WrittenAsync(page, live.Steps.Select(s => new double?[] { s.Step, s.Origins, s.Mase, s.SeasonalNaiveMase, s.Smape, s.SeasonalNaiveSmape })),
            await CellsAsync(steps));
        Assert.Equal(Labelled(live.Origins.Select(o => o.Origin),
                await WrittenAsync(page, live.Origins.Select(o => new double?[] { o.Points, o.Model.Mase, o.SeasonalNaive.Mase, o.Model.Smape, o.SeasonalNaive.Smape }))),
            await CellsAsync(page.Locator("#live-origins tbody tr")));
        Assert.Equal(("1959-01-01", "1961-01-01"), (live.Origins[0].Origin, live.Origins[^1].Origin));
        await Expect(page.Locator("#live-accuracy figure")).ToHaveCountAsync(1);

        foreach (var level in new[] { "99", "90" })
        {
            await page.GetByLabel("Interval level").SelectOptionAsync(level);
            await Expect(page.Locator("#anomaly-table caption")).ToContainTextAsync($"one-step {level} % interval");
            var found = await (await client.GetAsync($"/api/series/{series}/anomalies?modelId={model}&level={level}")).ReadAsync<Forecast.Api.Contracts.AnomaliesResponse>();
            Assert.Contains(found.Anomalies, a => a.Timestamp == "1961-01-01" && a.Score > 1);
            Assert.Equal(Labelled(found.Anomalies.Select(a => a.Timestamp),
                    await WrittenAsync(page, found.Anomalies.Select(a => new double?[] { a.Actual, a.Predicted, a.Lower, a.Upper, a.Score }))),
                await CellsAsync(page.Locator("#anomaly-table tbody tr")));
        }
        await tab.LookAsync("model-growing");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_backtest_run_from_the_models_page_shows_each_window_beside_the_baselines_as_the_api_stored_it()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var (_, model) = await HeldOutYear.TrainedAsync(client);
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;
        await page.GotoAsync($"/#/models/{model}");
        var output = page.Locator("#backtest-output");
        await Expect(output).ToContainTextAsync("None yet");

        await page.GetByLabel("Windows", new() { Exact = true }).FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the backtest" }).ClickAsync();
        await Expect(output.Locator(".error")).ToContainTextAsync("422");
        await Expect(output.Locator(".error")).ToContainTextAsync("ask for fewer windows or a smaller step");
        await page.GetByLabel("Windows", new() { Exact = true }).FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the backtest" }).ClickAsync();

        var windows = page.Locator("#backtest-windows tbody tr");
        await Expect(windows).ToHaveCountAsync(3);
        var stored = (await (await client.GetAsync($"/api/models/{model}")).ReadAsync<Forecast.Api.Contracts.ModelResponse>()).Backtest!;
        // Origins a test tail apart, the last at the test tail's (1959).
        var expected = Labelled(["1957-01-01", "1958-01-01", "1959-01-01"],
            await WrittenAsync(page, stored.Windows.Select(w => new double?[] { w.Model.Mase, w.SeasonalNaive.Mase, w.Drift.Mase, w.Theta.Mase, w.Model.Smape })),
            await WrittenAsync(page, stored.Windows.Select(w => w.Coverage.Select(c => (double?)c.Coverage).ToArray()), "percent"));
        Assert.Equal(2, stored.Windows[0].Coverage.Count);
        Assert.Equal(expected, await CellsAsync(windows));
        await Expect(page.Fact("mean MASE over the windows")).ToHaveTextAsync(
            $"{await WrittenAsync(page, stored.MeanMase)} (seasonal naive {await WrittenAsync(page, stored.MeanSeasonalNaiveMase)}, Theta {await WrittenAsync(page, stored.MeanThetaMase)})");
        await tab.LookAsync("model-backtest");

        // Stored with the model: the page shows it again when it opens.
        await page.ReloadAsync();
        await Expect(windows).ToHaveCountAsync(3);
        Assert.Equal(expected, await CellsAsync(windows));
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_global_models_backtest_run_from_its_page_shows_each_windows_mean_mase_beside_the_baselines_as_the_api_stored_it()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var collection = await TrainingFlow.UploadCollectionAsync(client, TourismCsv.Quarterly(6));
        var run = await TrainingFlow.TrainCollectionAsync(client, collection.Id, new { epochs = 3, hiddenSize = 8, seed = 1 });
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;
        await page.GotoAsync($"/#/models/{run.ModelId}");
        await Expect(page.Locator("#backtest-output")).ToContainTextAsync("None yet");

        await page.GetByLabel("Windows", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the backtest" }).ClickAsync();

        var windows = page.Locator("#backtest-windows tbody tr");
        await Expect(windows).ToHaveCountAsync(2);
        var stored = (await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<Forecast.Api.Contracts.CollectionModelResponse>()).Backtest!;
        Assert.Equal([8, 0], stored.Windows.Select(w => w.PeriodsBeforeTestTail));
        Assert.Equal(await WrittenAsync(page, stored.Windows.Select(w => new double?[]
            {
                w.PeriodsBeforeTestTail, w.Accuracy.Model.Mase, w.Accuracy.Naive.Mase, w.Accuracy.SeasonalNaive.Mase, w.Accuracy.Naive2.Mase, w.Accuracy.Theta.Mase,
                w.Accuracy.Model.Smape, w.Fallbacks.Count,
            })), await CellsAsync(windows));
        await tab.LookAsync("collection-backtest");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_members_page_shows_its_live_accuracy_as_the_api_scores_it_and_an_outlier_appended_to_it_among_its_anomalies()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var collection = await TrainingFlow.UploadCollectionAsync(client, TourismCsv.Quarterly(2));
        var model = (await TrainingFlow.TrainCollectionAsync(client, collection.Id, new { epochs = 1, hiddenSize = 4, seed = 1 })).ModelId!.Value;
        await client.PostAsync($"/api/collections/{collection.Id}/observations",
            new StringContent("series,date,value\nQ1,1994-10-01,7000\nQ1,1995-01-01,41000\n", Encoding.UTF8, "text/csv"));
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;

        await page.GotoAsync($"/#/models/{model}/members/Q1");

        var live = await (await client.GetAsync($"/api/models/{model}/accuracy?series=Q1")).ReadAsync<Forecast.Api.Contracts.LiveAccuracyResponse>();
        var steps = page.Locator("#live-steps tbody tr");
        await Expect(steps).ToHaveCountAsync(8);
        Assert.Equal(await WrittenAsync(page, live.Steps.Select(s => new double?[] { s.Step, s.Origins, s.Mase, s.SeasonalNaiveMase, s.Smape, s.SeasonalNaiveSmape })),
            await CellsAsync(steps));
        Assert.Equal(10, await page.Locator("#live-origins tbody tr").CountAsync());
        var member = await (await client.GetAsync($"/api/models/{model}/members/Q1")).ReadAsync<Forecast.Api.Contracts.MemberEvaluationResponse>();
        var found = await (await client.GetAsync($"/api/series/{member.SeriesId}/anomalies?modelId={model}")).ReadAsync<Forecast.Api.Contracts.AnomaliesResponse>();
        Assert.Contains(found.Anomalies, a => a.Timestamp == "1995-01-01" && a.Score > 1);
        Assert.Equal(Labelled(found.Anomalies.Select(a => a.Timestamp),
                await WrittenAsync(page, found.Anomalies.Select(a => new double?[] { a.Actual, a.Predicted, a.Lower, a.Upper, a.Score }))),
            await CellsAsync(page.Locator("#anomaly-table tbody tr")));
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_series_page_shows_its_retraining_policy_its_next_run_and_the_run_its_appended_observations_started()
    {
        var flow = await new Retraining.RetrainingFlow(host.Service).WithChampionAsync("naive");
        var policy = await flow.PutAsync("nightly", new
        {
            alias = "production", cron = "0 3 * * *", timeZone = "Europe/Paris", afterObservations = 2, hyperparameters = new { method = "snaive", testSize = 12 },
        });
        await flow.AppendAsync(2);
        var started = (await flow.WaitForHistoryAsync("nightly", 1)).History[0];
        await using var tab = await host.OpenAsync(key: ForecastApiFactory.AdminKey);
        var page = tab.Page;

        await page.GotoAsync($"/#/series/{flow.SeriesId}");

        var shown = page.Locator("#retraining article[data-policy='nightly']");
        await Expect(shown.Locator("dt:text-is('schedule') + dd")).ToHaveTextAsync("0 3 * * * (Europe/Paris)");
        await Expect(shown.Locator("dt:text-is('after observations') + dd")).ToHaveTextAsync("2 (0 so far)");
        await Expect(shown.Locator("dt:text-is('next run') + dd")).Not.ToHaveTextAsync("–");
        var row = shown.Locator("tbody tr").First;
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(started.Reason);
        await Expect(row.GetByRole(AriaRole.Link)).ToHaveTextAsync("succeeded");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(started.PromotionOutcome!);
        Assert.NotNull(policy.NextRunAt);
        await tab.LookAsync("series-retraining");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_wrong_key_shows_the_services_401_message()
    {
        await using var tab = await host.OpenAsync(key: "fk_0123456789abcdef_not-a-real-secret");

        await Expect(tab.Page.Locator("#series-list .error")).ToHaveTextAsync("401 Unauthorized: The API key is not valid.");
        await tab.LookAsync("wrong-key");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_collection_trains_one_global_model_whose_members_sort_by_mase_and_open_their_own_pages()
    {
        await using var tab = await host.OpenAsync();
        var page = tab.Page;

        await UploadCollectionAsync(page);
        await Expect(page.Locator("#field-testSize")).ToHaveAttributeAsync("placeholder", "8");

        await page.GetByLabel("Epochs").FillAsync("3");
        await page.GetByLabel("Hidden size").FillAsync("8");
        await page.GetByLabel("Seed").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open the model" })).ToBeVisibleAsync();
        // Back on the collection, the registry lists the run and its model.
        await page.GetByRole(AriaRole.Link, new() { Name = "the collection" }).ClickAsync();
        await Expect(page.Locator("#runs tbody tr")).ToContainTextAsync("succeeded");
        await Expect(page.Locator("#models tbody tr")).ToHaveCountAsync(1);
        await tab.LookAsync("collection-six-members");
        await page.Locator("#models tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();

        var table = page.Locator("#member-table tbody tr");
        await Expect(table).ToHaveCountAsync(6);
        Assert.True(await MaseColumnAsync(page) is var best && best.SequenceEqual(best.Order()), string.Join(" ", best));
        await page.GetByLabel("Sort by").SelectOptionAsync("-mase");
        await Expect(page.Locator("#member-table caption")).ToContainTextAsync("MASE, worst first");
        Assert.True(await MaseColumnAsync(page) is var worst && worst.SequenceEqual(worst.OrderDescending()), string.Join(" ", worst));
        await tab.LookAsync("collection-six-members-model");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download every member’s forecast (CSV)" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("series,timestamp,value,lower_80,upper_80,lower_95,upper_95", csv[0]);
        Assert.Equal(1 + 6 * 12, csv.Length);

        var key = await table.First.Locator("th").InnerTextAsync();
        await table.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Member {key}" })).ToBeVisibleAsync();
        await Expect(page.Locator("#metrics tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#forecast-table tbody tr")).ToHaveCountAsync(8);
        await tab.LookAsync("member-of-six");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_collection_fitted_by_theta_counts_its_members_fitted_and_its_model_and_members_say_theta()
    {
        await using var tab = await host.OpenAsync();
        var page = tab.Page;
        await UploadCollectionAsync(page);

        await page.GetByLabel("Method").SelectOptionAsync("theta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();
        await Expect(page.GetByText("Members fitted: 6 of 6")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the model" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("THETA model of");
        await Expect(page.Locator(".facts")).ToContainTextAsync("theta: fitted to each member on its own");
        await Expect(page.Locator("#metrics tbody tr").First).ToContainTextAsync("theta");
        var table = page.Locator("#member-table tbody tr");
        await Expect(table).ToHaveCountAsync(6);
        await Expect(table.First).ToContainTextAsync("theta");
        await tab.LookAsync("collection-theta-model");
        await table.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#metrics tbody tr").First).ToContainTextAsync("theta");
        await Expect(page.Locator("#forecast-table tbody tr")).ToHaveCountAsync(8);
        Assert.Empty(tab.Errors);
    }

    /// <summary>Six quarterly tourism members uploaded on the home page as one collection, whose page is then open.</summary>
    private static async Task UploadCollectionAsync(IPage page)
    {
        await page.GetByLabel("A collection: a long CSV of series,date,value").CheckAsync();
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "tourism-quarterly.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(TourismCsv.Quarterly(6)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(page.Locator("#upload-result")).ToContainTextAsync("6 quarterly members");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the collection" }).ClickAsync();
        await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(6);
    }

    [BrowserFact]
    public async Task On_a_phone_390_pixels_wide_no_page_scrolls_sideways()
    {
        await using var tab = await host.OpenAsync(width: 390);
        var page = tab.Page;
        await page.Locator("#upload-file").SetInputFilesAsync(ApiClient.DataFile("airpassengers.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(page.Locator("#upload-result")).ToContainTextAsync("Uploaded");
        Assert.False(await tab.OverflowsAsync(), "the start page is wider than 390 px");
        await tab.LookAsync("phone-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the series" }).ClickAsync();
        await Expect(page.Locator("#diagnostics figure")).ToHaveCountAsync(2);
        await Expect(page.Locator("#training-form")).ToBeVisibleAsync();
        Assert.False(await tab.OverflowsAsync(), "the series page is wider than 390 px");
        await tab.LookAsync("phone-series");
        Assert.Empty(tab.Errors);
    }

    /// <summary>The number of epochs the loss chart showed each time it changed, until the run finished.</summary>
    private static async Task<List<int>> WatchLossCurveAsync(IPage page)
    {
        var seen = new List<int>();
        var figure = page.Locator("#loss figure");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            var label = await figure.GetAttributeAsync("aria-label") ?? "";
            var epochs = int.Parse(System.Text.RegularExpressions.Regex.Match(label, @"for (\d+) epochs").Groups[1].Value, CultureInfo.InvariantCulture);
            if (seen.Count == 0 || seen[^1] != epochs)
            {
                seen.Add(epochs);
            }
            if ((await page.Locator("#run-status").InnerTextAsync()).Contains("succeeded", StringComparison.Ordinal))
            {
                return seen;
            }
            await Task.Delay(50);
        }
        return seen;
    }

    private static async Task<List<double>> MaseColumnAsync(IPage page) =>
        (await page.Locator("#member-table tbody tr td:nth-of-type(1)").AllInnerTextsAsync()).Select(Number).ToList();

    /// <summary>Every cell of the rows, their heading first, as the page shows them.</summary>
    private static async Task<string[][]> CellsAsync(ILocator rows)
    {
        var cells = new List<string[]>();
        foreach (var row in await rows.AllAsync())
        {
            cells.Add([.. await row.Locator("th, td").AllTextContentsAsync()]);
        }
        return [.. cells];
    }

    /// <summary>Numbers row by row as the page's own format.js writes them (format: num or percent).</summary>
    /// <remarks>Sent as JSON, as the API sends them: Playwright's own argument passing hands the page a 0 as -0.</remarks>
    private static Task<string[][]> WrittenAsync(IPage page, IEnumerable<double?[]> rows, string format = "num") =>
        page.EvaluateAsync<string[][]>(
            "async ([json, format]) => { const written = await import('/app/format.js'); return JSON.parse(json).map((row) => row.map((n) => written[format](n))); }",
            new object[] { System.Text.Json.JsonSerializer.Serialize(rows.ToArray()), format });

    private static async Task<string> WrittenAsync(IPage page, double? number) => (await WrittenAsync(page, [[number]]))[0][0];

    /// <summary>Rows whose heading cell is a label, the rest cells of their own.</summary>
    private static string[][] Labelled(IEnumerable<string> labels, params string[][][] parts) =>
        labels.Select((label, i) => parts.SelectMany(part => part[i]).Prepend(label).ToArray()).ToArray();

    private static double Number(string shown) => double.Parse(shown.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
