using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>The OpenAPI document describes every operation: an id, a success answer, a 4xx, typed bodies for the respondent workflow, and how to sign in.</summary>
public class OpenApiTests
{
    [Fact]
    public async Task Every_operation_has_an_id_a_success_and_a_problem_and_the_workflow_is_typed()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var doc = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Name: $"{m.Name.ToUpperInvariant()} {p.Name}", Op: m.Value))).ToList();
        Assert.True(operations.Count >= 28, $"{operations.Count} operations");
        var ids = operations.Select(o => o.Op.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var (name, op) in operations)
        {
            var codes = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.True(codes.Any(c => c.StartsWith('2')), $"{name}: no 2xx");
            Assert.True(codes.Any(c => c.StartsWith('4')), $"{name}: no 4xx");
            Assert.True(op.TryGetProperty("summary", out _), $"{name}: no summary");
        }
        string Schema(string id, string code) => operations.Single(o => o.Op.GetProperty("operationId").GetString() == id).Op
            .GetProperty("responses").GetProperty(code).GetProperty("content").EnumerateObject().First().Value.GetProperty("schema").GetRawText();
        Assert.Contains("ResponseDto", Schema("getResponse", "200"));
        Assert.Contains("ResponseDto", Schema("saveDraft", "200"));
        Assert.Contains("ReceiptDto", Schema("submitResponse", "200"));
        Assert.Contains("SummaryDto", Schema("getSummary", "200"));
        Assert.Contains("ProblemDetails", Schema("saveDraft", "409"));
        var draft = operations.Single(o => o.Op.GetProperty("operationId").GetString() == "saveDraft").Op;
        Assert.Contains("AnswersRequest", draft.GetProperty("requestBody").GetRawText());
        Assert.Equal("cookie", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("session").GetProperty("in").GetString());
    }
}

/// <summary>Redocly CLI's recommended ruleset finds nothing in the document (errors and warnings both).</summary>
public class OpenApiLintTests
{
    static string Redocly => Path.Combine(TestApp.RepoRoot, "tools", "node", "node_modules", ".bin", "redocly");

    [NeedsFile("tools/node/node_modules/.bin/redocly", "tools/test.sh installs it (npm ci in tools/node)")]
    public async Task Redocly_recommended_lint_reports_no_error_and_no_warning()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var document = Path.Combine(app.DataDir, "openapi.json");
        await File.WriteAllTextAsync(document, await app.Client().GetStringAsync("/openapi/v1.json"));
        var lint = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Redocly, ["lint", document, "--format=json"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = app.DataDir,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        })!;
        var output = await lint.StandardOutput.ReadToEndAsync();
        var errors = await lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();
        var report = JsonDocument.Parse(output).RootElement;
        var problems = string.Join("\n", report.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("ruleId")}: {p.GetProperty("message")}"));
        Assert.True(lint.ExitCode == 0, problems + errors);
        Assert.Equal(0, report.GetProperty("totals").GetProperty("errors").GetInt32());
        Assert.True(report.GetProperty("totals").GetProperty("warnings").GetInt32() == 0, problems);
    }
}

/// <summary>A fact that needs a tool the test script installs; skipped, with the reason, in a plain `dotnet test` without it.</summary>
public sealed class NeedsFileAttribute : FactAttribute
{
    public NeedsFileAttribute(string repoPath, string how)
    {
        if (!File.Exists(Path.Combine(TestApp.RepoRoot, repoPath))) Skip = $"{repoPath} is missing: {how}";
    }
}
