namespace Samraad.Features.Surveys;

/// <summary>Respondent-level survey data, pivots and charts; pages, API, `surveys` and `pivot`.</summary>
public sealed class SurveysFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<LoadSurveyPacks>();
        services.AddScoped<ImportSurveyData>();
        services.AddScoped<ListSurveys>();
        services.AddScoped<ReadPivots>();
        services.AddScoped<ILiveSource, SurveySource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapSurveyApi();
        app.MapSurveyPages();
    }

    public Task Start(StartContext start) => start.Get<LoadSurveyPacks>().Handle(start.PacksDir);

    public IEnumerable<CliVerb> Verbs =>
    [
        new("surveys", "surveys --format json                   undersøgelser med svardata", async call => await call.Json(await call.Get<ListSurveys>().Handle(call.User))),
        new("pivot", """
            pivot <undersøgelse> [--rows region|klynge|kl-survey-grupper] [--question SPØRGSMÅL] [--categories KATEGORIER]
                  [--filter "region:Region Sjælland"] --format json
                                                    pivottabeller: antal og procent pr. svar og opdeling, med trykte tal og afvigelser
            """, async call =>
        {
            if (call.Argument(0) is not { } slug) return call.Usage();
            var request = PivotRequest.From(call.Option("--question"), call.Option("--rows") ?? call.Option("--columns"), call.Option("--categories"), call.Option("--filter"));
            return await call.Json(await call.Get<ReadPivots>().Handle(slug, call.User, request, everyQuestion: true));
        }),
    ];
}
