import collections # 🗄️ Standard collections
import logging # 📝 Logging module

"""
A helper file for using mongo db
Class document aims to make using mongo calls easy, saves
needing to know the syntax for it. Just pass in the db instance
on init and the document to create an instance on and boom
"""


class Document:
    # 🗄️ Helper class for MongoDB document operations
    def __init__(self, connection, document_name): # 🏗️ Initialize document helper
        """
        Our init function, sets up the conenction to the specified document
        Params:
         - connection (Mongo Connection) : Our database connection
         - documentName (str) : The document this instance should be
        """
        self.db = connection[document_name] # 🔗 Set document handle
        self.logger = logging.getLogger(__name__) # 📝 Set logger

    # 🆔 Find a document by its ID
    async def find_by_id(self, id): # 📍 Targeted search
        """
        Returns the data found under `id`
        """
        return await self.db.find_one({"_id": id}) # 📥 Return single document

    # 📚 Get all documents in the collection
    async def get_all(self):
        """
        Returns a list of all data in the document
        """
        data = []
        async for document in self.db.find({}):
            data.append(document)
        return data
