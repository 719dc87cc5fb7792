"""Pure rules of the job search: models, stages, cadence. stdlib and arrow only."""
