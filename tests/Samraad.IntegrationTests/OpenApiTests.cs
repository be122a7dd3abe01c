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
