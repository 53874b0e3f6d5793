# A FastAPI route calls the class's own synchronous run(), which runs the crew
# with crewAI's blocking Crew.kickoff: the route holds the loop for the whole
# crew run.
from crewai import Crew
from fastapi import FastAPI

app = FastAPI()


class ResearchCrew:
    def __init__(self, inputs):
        self.inputs = inputs

    def run(self):
        crew = Crew(agents=[], tasks=[])
        return {"result": str(crew.kickoff(inputs=self.inputs))}

    async def run_async(self):
        crew = Crew(agents=[], tasks=[])
        return {"result": str(await crew.kickoff_async(inputs=self.inputs))}


@app.post("/ask")
async def ask(question: str):
    research_crew = ResearchCrew({"question": question})
    return research_crew.run()  # want: ASL201


# Quiet: the async twin.
@app.post("/ask-async")
async def ask_async(question: str):
    return await ResearchCrew({"question": question}).run_async()
