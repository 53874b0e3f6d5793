from setuptools import setup

setup(name="bridge", python_requires=">=3.8", packages=["bridge"])
