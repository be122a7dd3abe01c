// Compiled at test time together with the client NSwag generates from the running app's /openapi/v1.json
// (GeneratedClientTests), not as part of the test project: a rename in the API breaks this file's compilation there.
// Written the way an integrator would use the generated client; it uses nothing but the generated types.
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Samraad.Client;

namespace Samraad.ClientWorkflow;

public static class RespondentWorkflow
{
    /// <summary>Sign in, read the form, save a draft, see a bad number refused, submit, read the receipt; what was seen, by name.</summary>
    public static async Task<Dictionary<string, string>> Run(HttpClient http, string userName, string password, string collection, string respondent)
    {
        var seen = new Dictionary<string, string>();
        var client = new SamraadClient(http);
        await client.LogInAsync(new Credentials { UserName = userName, Password = password });

        var definition = await client.GetCollectionAsync(collection);
        seen["title"] = definition.Title;
        seen["respondentListed"] = definition.Respondents.Any(r => r.Slug == respondent).ToString();

        var response = await client.GetResponseAsync(collection, respondent);
        seen["statusBefore"] = response.Status;

        var draft = await client.SaveDraftAsync(collection, respondent,
            new AnswersRequest { Answers = new Dictionary<string, object> { ["beloeb"] = "1.250", ["tiltag"] = new[] { "plan", "lar" } }, Revision = response.Revision });
        seen["draftAmount"] = draft.Answers["beloeb"].Display;
        seen["draftChoices"] = draft.Answers["tiltag"].Display;

        try
        {
            await client.SaveDraftAsync(collection, respondent, new AnswersRequest { Answers = new Dictionary<string, object> { ["beloeb"] = "12.50" }, Revision = draft.Revision });
            seen["badNumber"] = "accepted";
        }
        catch (ApiException<HttpValidationProblemDetails> problem)
        {
            seen["badNumber"] = $"{problem.StatusCode} {problem.Result.Title}";
            seen["badNumberField"] = string.Join(" ", problem.Result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        }

        var receipt = await client.SubmitResponseAsync(collection, respondent,
            new AnswersRequest { Answers = new Dictionary<string, object> { ["ja-nej"] = "ja", ["grad"] = "hoej" }, Revision = draft.Revision });
        seen["receiptNumber"] = receipt.Number;
        seen["receiptAmount"] = receipt.Answers["beloeb"].Display;

        var after = await client.GetResponseAsync(collection, respondent);
        seen["statusAfter"] = after.Status;
        seen["latestReceipt"] = after.LatestReceipt;
        await client.LogOutAsync();
        return seen;
    }
}
